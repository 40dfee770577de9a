using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored name of every enum value the journal and snapshots hold, fixed here once.</summary>
internal static class WireNames
{
    public static readonly WireEnum<AgreementModel> Model = new(
        "agreement model",
        (AgreementModel.HqRndManufacturing, "hq-rnd-manufacturing"),
        (AgreementModel.IncubationIndustrialisation, "incubation-industrialisation"));

    public static readonly WireEnum<PartyRole> Role = new("party role", (PartyRole.Origin, "origin"), (PartyRole.Host, "host"));

    public static readonly WireEnum<AllocationMode> Mode = new("allocation mode", (AllocationMode.Split, "split"), (AllocationMode.DoubleCount, "double-count"), (AllocationMode.Formula, "formula"));

    public static readonly WireEnum<AgreementStatus> Status = new(
        "agreement status",
        (AgreementStatus.Draft, "draft"),
        (AgreementStatus.AwaitingCountersign, "awaiting-countersign"),
        (AgreementStatus.AwaitingApproval, "awaiting-approval"),
        (AgreementStatus.Active, "active"),
        (AgreementStatus.Running, "running"),
        (AgreementStatus.AmendmentAwaitingCountersign, "amendment-awaiting-countersign"),
        (AgreementStatus.AmendmentAwaitingApproval, "amendment-awaiting-approval"),
        (AgreementStatus.Suspended, "suspended"),
        (AgreementStatus.Rejected, "rejected"),
        (AgreementStatus.Withdrawn, "withdrawn"),
        (AgreementStatus.Terminated, "terminated"));

    public static readonly WireEnum<AmendmentStatus> AmendmentStatus = new(
        "amendment status",
        (Domain.Agreements.AmendmentStatus.AwaitingCountersign, "awaiting-countersign"),
        (Domain.Agreements.AmendmentStatus.AwaitingApproval, "awaiting-approval"),
        (Domain.Agreements.AmendmentStatus.Approved, "approved"),
        (Domain.Agreements.AmendmentStatus.Rejected, "rejected"),
        (Domain.Agreements.AmendmentStatus.Withdrawn, "withdrawn"));

    public static readonly WireEnum<IndicatorFamily> Family = new(
        "indicator family", (IndicatorFamily.Tax, IndicatorFamilies.TaxName), (IndicatorFamily.Statistics, IndicatorFamilies.StatisticsName));

    public static readonly WireEnum<ReviewDecision> Decision = new(
        "review decision", (ReviewDecision.Approve, "approve"), (ReviewDecision.Dispute, "dispute"), (ReviewDecision.Reopen, "reopen"));

    public static readonly WireEnum<ReviewStatus> ReviewStatus = new(
        "review status",
        (Domain.Agreements.ReviewStatus.Approved, "approved"),
        (Domain.Agreements.ReviewStatus.Disputed, "disputed"),
        (Domain.Agreements.ReviewStatus.Reopened, "reopened"));

    public static readonly WireEnum<AllocationChangeKind> ChangeKind = new(
        "entry kind", (AllocationChangeKind.Allocation, AllocationChangeKinds.AllocationName), (AllocationChangeKind.Adjustment, AllocationChangeKinds.AdjustmentName));
}
