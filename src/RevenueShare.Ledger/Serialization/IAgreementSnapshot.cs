using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>A snapshot of one agreement, in whichever form it was stored: recovery needs only its state.</summary>
public interface IAgreementSnapshot
{
    AgreementState State { get; }
}
