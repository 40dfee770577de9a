using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Coverage;

/// <summary>Reserve coverage for an agreement (approval, amendment, termination); replaces what it held.</summary>
public sealed record ReserveCoverage(AgreementId AgreementId, ImmutableArray<CoverageItem> Items) : ILedgerMessage;

/// <summary>The reservation is durable.</summary>
public sealed record CoverageReserved(AgreementId AgreementId) : ILedgerMessage;

/// <summary>The reservation collides with another agreement's coverage; nothing was reserved.</summary>
public sealed record CoverageCollision(AgreementId AgreementId, AgreementId OtherAgreementId, CoverageItem Item) : ILedgerMessage;

/// <summary>Which agreement covers each report of a batch (by index in <see cref="Figures"/>).</summary>
public sealed record RouteFigures(ImmutableArray<FigureToRoute> Figures) : ILedgerMessage;

/// <summary>For each report of a <see cref="RouteFigures"/>, the covering agreement or null.</summary>
public sealed record FigureRoutes(ImmutableArray<AgreementId?> Agreements) : ILedgerMessage;
