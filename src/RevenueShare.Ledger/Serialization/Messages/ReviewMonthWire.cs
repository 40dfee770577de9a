using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>review-month</c> between nodes: a month of one family approved, disputed or reopened.</summary>
public sealed record ReviewMonthWire(string AgreementId, string By, YearMonth Month, string Family, string Decision, string? Reason)
{
    public static ReviewMonthWire Of(ReviewMonth command) =>
        new(command.AgreementId.Value, command.By.ToString(), command.Month, WireNames.Family.Name(command.Family), WireNames.Decision.Name(command.Decision), command.Reason);

    public ReviewMonth ToDomain() =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), Month, WireNames.Family.Parse(Family), WireNames.Decision.Parse(Decision), Reason);
}
