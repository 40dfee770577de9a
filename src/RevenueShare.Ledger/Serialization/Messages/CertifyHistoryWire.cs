using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>certify-history</c> between nodes: certify an enterprise's history of the indicators named (none: all the caller's).</summary>
public sealed record CertifyHistoryWire(string AgreementId, string By, string Enterprise, IReadOnlyList<string> Indicators)
{
    public static CertifyHistoryWire Of(CertifyHistory command) =>
        new(command.AgreementId.Value, command.By.ToString(), command.Enterprise.Value, [.. command.Indicators.Select(i => i.Code)]);

    public CertifyHistory ToDomain(ReferenceData reference) => new(
        Domain.Agreements.AgreementId.Parse(AgreementId),
        Principal.Parse(By),
        CreditCode.Parse(Enterprise),
        [.. Indicators.Select(code => WireIndicators.Resolve(reference, code))]);
}
