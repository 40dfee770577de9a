using System.Text.Json.Serialization;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>month-reviewed.v2</c>: an agreement had a month reviewed for a family; an
/// approval carries its seal, the agreement's SM3 chain head before it, as 64 hex digits (absent on a
/// dispute or a reopening). <c>month-reviewed.v1</c> (<see cref="MonthReviewedWire"/>) had no seal.
/// </summary>
public sealed record MonthReviewedV2Wire(
    string AgreementId,
    YearMonth Month,
    string Family,
    string Decision,
    string? Reason,
    Instant At,
    string By)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Seal { get; init; }

    public static MonthReviewedV2Wire Of(MonthReviewed e) =>
        new(e.AgreementId.Value, e.Month, WireNames.Family.Name(e.Family), WireNames.Decision.Name(e.Decision), e.Reason, e.At, e.By.ToString())
        {
            Seal = e.Seal?.ToString(),
        };

    public MonthReviewed ToDomain() =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Month, WireNames.Family.Parse(Family), WireNames.Decision.Parse(Decision), Reason, At, Principal.Parse(By))
        {
            Seal = Seal is null ? null : ChainDigest.Parse(Seal),
        };
}
