using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Services;

/// <summary>One month of one agreement awaiting or bearing a family's review; <see cref="Status"/> is null until decided.</summary>
public sealed record ReviewQueueItem(AgreementId Agreement, string Title, YearMonth Month, IndicatorFamily Family, ReviewStatus? Status);
