using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// The ledger's vocabulary as the offices' staff say it: lifecycle and review states, families, units,
/// the acts on the buttons. The one table of these words, used by the pages and the exports alike, so
/// a state is never called two things.
/// </summary>
public static class Words
{
    public static string State(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "草稿",
        AgreementStatus.AwaitingCountersign => "待会签",
        AgreementStatus.AwaitingApproval => "待审批",
        AgreementStatus.Active => "执行中",
        AgreementStatus.Running => "正常执行",
        AgreementStatus.AmendmentAwaitingCountersign => "变更待会签",
        AgreementStatus.AmendmentAwaitingApproval => "变更待审批",
        AgreementStatus.Suspended => "已暂停",
        AgreementStatus.Rejected => "已驳回",
        AgreementStatus.Withdrawn => "已撤回",
        AgreementStatus.Terminated => "已终止",
        _ => status.ToString(),
    };

    public static string Amendment(AmendmentStatus status) => status switch
    {
        AmendmentStatus.AwaitingCountersign => "待会签",
        AmendmentStatus.AwaitingApproval => "待审批",
        AmendmentStatus.Approved => "已批准",
        AmendmentStatus.Rejected => "已驳回",
        AmendmentStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>A month's review for one family; no decision yet is 待审核.</summary>
    public static string Review(ReviewStatus? status) => status switch
    {
        null => "待审核",
        ReviewStatus.Approved => "已确认",
        ReviewStatus.Disputed => "有异议",
        ReviewStatus.Reopened => "已重开",
        _ => status.Value.ToString(),
    };

    /// <summary>A review decision as its button says it (<c>approve</c>, <c>dispute</c>, <c>reopen</c>).</summary>
    public static string Decision(string decision) => decision switch
    {
        "approve" => "确认",
        "dispute" => "提出异议",
        "reopen" => "重新打开",
        _ => decision,
    };

    /// <summary>A lifecycle trigger as its button says it, by its wire name.</summary>
    public static string Act(string trigger) => trigger switch
    {
        "submit" => "提交",
        "countersign" => "会签",
        "approve" => "批准",
        "reject" => "驳回",
        "withdraw" => "撤回",
        "suspend" => "暂停",
        "resume" => "恢复",
        "terminate" => "终止",
        "create" => "创建草稿",
        "edit" => "修改",
        "propose-amendment" => "提出变更",
        "countersign-amendment" => "会签变更",
        "approve-amendment" => "批准变更",
        "reject-amendment" => "驳回变更",
        "withdraw-amendment" => "撤回变更",
        "report-factors" => "报送分摊因素",
        "report-history" => "报送历史数据",
        "certify-history" => "核定历史数据",
        _ => trigger,
    };

    /// <summary>Acts that cannot be undone: their form asks for a reason and a confirmation.</summary>
    public static bool IsIrreversible(string trigger) => trigger is "approve" or "reject" or "terminate" or "withdraw";

    public static string Family(IndicatorFamily family) => family == IndicatorFamily.Tax ? "税收" : "统计";

    /// <summary>The unit of an indicator: 元 for tax, 万元 for statistics (the catalogue's <c>yuan</c>, <c>10k yuan</c>).</summary>
    public static string Unit(Indicator indicator) => indicator.Unit switch
    {
        "yuan" => "元",
        "10k yuan" => "万元",
        _ => indicator.Unit,
    };

    /// <summary>
    /// The unit a family's amounts are shown in, from its indicators in the catalogue (元 for tax, 万元 for
    /// statistics): a page shows one table per family, so a family must keep to one unit.
    /// </summary>
    public static string Unit(IndicatorFamily family, ReferenceData reference)
    {
        var units = reference.Indicators.Where(i => i.Family == family).Select(Unit).Distinct(StringComparer.Ordinal).ToArray();
        return units.Length == 1
            ? units[0]
            : throw new InvalidOperationException($"The {family.WireName()} indicators of the catalogue do not share one unit.");
    }

    public static string Model(AgreementModel model) => model == AgreementModel.HqRndManufacturing
        ? "中心城区总部研发 + 外围城区制造基地"
        : "中心城区孵化 + 外围城区产业化";

    public static string Role(PartyRole role) => role == PartyRole.Origin ? "输出地（总部研发 / 孵化）" : "承接地（制造 / 产业化）";

    public static string Mode(AllocationMode mode) => mode switch
    {
        AllocationMode.Split => "按比例分成",
        AllocationMode.DoubleCount => "全额双核算",
        _ => "三因素法分摊",
    };

    /// <summary>The mode as the documents spell it.</summary>
    public static string ModeName(AllocationMode mode) => mode switch
    {
        AllocationMode.Split => "split",
        AllocationMode.DoubleCount => "double-count",
        _ => "formula",
    };

    /// <summary>A district's net position at settlement by its kind (<c>上解</c>, <c>补助</c>, <c>none</c>); a zero position is 持平.</summary>
    public static string Position(string kind) => kind == NetPosition.None ? "持平" : kind;

    /// <summary>An allocation entry's kind (<c>allocation</c>, <c>adjustment</c>).</summary>
    public static string ChangeKind(string kind) => kind == Domain.Allocation.AllocationChangeKinds.AllocationName ? "分配" : "调整";

    /// <summary>An audit event's type, by its wire name (<c>agreement-approved</c>, ...).</summary>
    public static string Event(string type) => type switch
    {
        "agreement-created" => "创建草稿",
        "draft-edited" => "修改草稿",
        "agreement-submitted" => "提交",
        "agreement-countersigned" => "会签",
        "agreement-approved" => "批准",
        "agreement-rejected" => "驳回",
        "agreement-withdrawn" => "撤回",
        "agreement-suspended" => "暂停",
        "agreement-resumed" => "恢复",
        "agreement-terminated" => "终止",
        "amendment-proposed" => "提出变更",
        "amendment-countersigned" => "会签变更",
        "amendment-approved" => "批准变更",
        "amendment-rejected" => "驳回变更",
        "amendment-withdrawn" => "撤回变更",
        "figures-booked" => "记账",
        "month-reviewed" => "月度审核",
        "factors-reported" => "报送分摊因素",
        "history-reported" => "报送历史数据",
        "history-certified" => "核定历史数据",
        _ => type,
    };
}
