using System.Text.Json.Serialization;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A certified amount as stored in <c>history-certified.v1</c>: the cap (no <see cref="Baseline"/>) or the baseline of an indicator.</summary>
public sealed record CertifiedAmountWire(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Baseline,
    decimal Amount)
{
    public static CertifiedAmountWire Of(CertifiedAmount amount) => new(amount.Baseline?.Code, amount.Amount);

    public CertifiedAmount ToDomain(ReferenceData reference) =>
        new(Baseline is null ? null : WireIndicators.Resolve(reference, Baseline), Amount);
}
