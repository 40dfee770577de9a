using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>A snapshot of one agreement, in whichever form it was stored: recovery needs its state and where its SM3 chain stands.</summary>
public interface IAgreementSnapshot
{
    AgreementState State { get; }

    /// <summary>The digest of the last event the snapshot includes; <see cref="ChainDigest.Zero"/> in the forms from before the chain, whose events were not sealed.</summary>
    ChainDigest ChainHead { get; }
}
