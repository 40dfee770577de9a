using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>
/// One agreement: its terms, the acts the office may take on it now (each a form through the
/// <see cref="AgreementService"/>, as the API's triggers), its amendments, audit trail and lifecycle.
/// An agreement the office may not see is the 404 page.
/// </summary>
public sealed class DetailModel(AgreementService agreements, FactorService factorReports, HistoryService histories, ReferenceData reference) : PageModel
{
    /// <summary>The history of each enterprise with amounts derived from it that the office may see (docs/allocation.md, history and derived amounts).</summary>
    public IReadOnlyList<EnterpriseHistory> Histories { get; private set; } = [];

    /// <summary>Whether the office may certify an enterprise's history now: tax or statistics, while the agreement awaits countersignature or approval and an amount of its family is uncertified.</summary>
    public bool MayCertify(EnterpriseHistory history) =>
        history is not null
        && Agreement.Status is AgreementStatus.AwaitingCountersign or AgreementStatus.AwaitingApproval
        && history.Amounts.Any(a => !a.Certified && a.Indicators.Any(i => Domain.Principal.ReporterOf(i.Family) == HttpContext.Office()));

    /// <summary>The factor reports of an agreement with a formula term, for the offices that read them; null otherwise.</summary>
    public AgreementFactors? Factors { get; private set; }

    /// <summary>Whether the office may report factors here (tax, an agreement with a formula term).</summary>
    public bool MayReportFactors { get; private set; }

    /// <summary>The factor report just refused, to show again beside its problems.</summary>
    public IFormCollection? FactorsPosted { get; private set; }

    public AgreementState Agreement { get; private set; } = null!;

    public IReadOnlyList<LifecycleTrigger> Acts { get; private set; } = [];

    /// <summary>Whether the office may edit the Draft now (its proposer may).</summary>
    public bool MayEdit { get; private set; }

    /// <summary>Whether the office may propose an amendment now (a party of a running agreement may).</summary>
    public bool MayAmend { get; private set; }

    /// <summary>The acts the office may take on the pending amendment now.</summary>
    public IReadOnlyList<LifecycleTrigger> AmendmentActs { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public IReadOnlyList<LifecycleTransition> Transitions { get; private set; } = [];

    public string LifecycleChart { get; private set; } = "{}";

    /// <summary>What approving the pending amendment would book, for finance and the parties; null otherwise.</summary>
    public AmendmentPreview? Preview { get; private set; }

    /// <summary>The preview's change per district and indicator, one table per family.</summary>
    public IReadOnlyList<Table> PreviewTables { get; private set; } = [];

    /// <summary>The act just taken (its trigger's name), to show its result and the audit entry it made.</summary>
    public string? Done { get; private set; }

    /// <summary>Why the act the office just tried was refused.</summary>
    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Done = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Fires a lifecycle trigger; an irreversible one only when the form confirmed it.</summary>
    public async Task<IActionResult> OnPostActAsync(string id, string trigger, string? reason, string? from, bool confirmed, CancellationToken cancellationToken)
    {
        if (Words.IsIrreversible(trigger) && !confirmed)
        {
            Refused = Refusal.BadField("$.confirmed", "请勾选确认后再提交：此操作不可撤销。");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await agreements.FireAsync(HttpContext.Office(), id, trigger, Blank(reason), Blank(from), cancellationToken);
        return await AfterAsync(id, trigger, outcome, cancellationToken);
    }

    public async Task<IActionResult> OnPostAmendmentAsync(string id, int number, string trigger, string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        if (Words.IsIrreversible(trigger) && !confirmed)
        {
            Refused = Refusal.BadField("$.confirmed", "请勾选确认后再提交：此操作不可撤销。");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await agreements.FireAmendmentAsync(HttpContext.Office(), id, number, trigger, Blank(reason), cancellationToken);
        return await AfterAsync(id, trigger + "-amendment", outcome, cancellationToken);
    }

    /// <summary>Reports an enterprise's factors of a year, from the fields the factors form names as the API's body does.</summary>
    public async Task<IActionResult> OnPostFactorsAsync(string id, CancellationToken cancellationToken)
    {
        var form = Request.Form;
        string? Field(string name) => Blank(form[name].ToString());
        int? Number(string name) => int.TryParse(Field(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var factors = form.Keys
            .Select(key => key.Split('.'))
            .Where(parts => parts is ["factors", _, _])
            .Select(parts => parts[1])
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(
                district => district,
                district => (FactorsDocument?)new FactorsDocument(Field($"factors.{district}.operatingRevenue"), Field($"factors.{district}.payroll"), Field($"factors.{district}.assets")),
                StringComparer.Ordinal);
        var document = new FactorReportDocument(Field("reportId"), Number("year"), Field("enterprise"), Number("revision"), factors);
        var outcome = await factorReports.ReportAsync(HttpContext.Office(), id, document, cancellationToken);
        if (!outcome.IsRefused(out var refusal))
        {
            return RedirectToPage(new { id, done = "report-factors" });
        }

        if (refusal.Code == RejectionCode.NotFound)
        {
            return NotFound();
        }

        Refused = refusal;
        FactorsPosted = form;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Certifies the office's family's history of one enterprise, as the API's certify route.</summary>
    public async Task<IActionResult> OnPostCertifyAsync(string id, string enterprise, CancellationToken cancellationToken)
    {
        var outcome = await histories.CertifyAsync(HttpContext.Office(), id, enterprise, null, cancellationToken);
        if (!outcome.IsRefused(out var refusal))
        {
            return RedirectToPage(new { id, done = "certify-history" });
        }

        if (refusal.Code == RejectionCode.NotFound)
        {
            return NotFound();
        }

        Refused = refusal;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(string id, string done, Outcome<AgreementState> outcome, CancellationToken cancellationToken)
    {
        if (!outcome.IsRefused(out var refusal))
        {
            // Post, redirect, get: a reload does not fire the act again.
            return RedirectToPage(new { id, done });
        }

        if (refusal.Code == RejectionCode.NotFound)
        {
            return NotFound();
        }

        Refused = refusal;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        var found = await agreements.GetAsync(office, id, cancellationToken);
        if (found.IsRefused(out _))
        {
            return false;
        }

        Agreement = found.Value;
        var acts = AgreementService.ActsOf(office, Agreement);
        Acts = [.. acts.Where(t => LifecycleTriggers.TryParseAgreementTrigger(LifecycleTriggers.Name(t), out _))];
        MayEdit = acts.Contains(LifecycleTrigger.Edit);
        MayAmend = acts.Contains(LifecycleTrigger.ProposeAmendment);
        AmendmentActs = [.. acts.Where(t => t is LifecycleTrigger.CountersignAmendment or LifecycleTrigger.ApproveAmendment
            or LifecycleTrigger.RejectAmendment or LifecycleTrigger.WithdrawAmendment)];
        Trail = (await agreements.AuditTrailAsync(office, id, cancellationToken)).Value;
        var formula = Agreement.Rules.Versions.SelectMany(v => v.Terms).Any(t => t.Formula is not null);
        Factors = formula && await factorReports.GetAsync(office, id, null, cancellationToken) is { Refusal: null } read ? read.Value : null;
        MayReportFactors = formula && office == Domain.Principal.Tax;
        var derived = new List<EnterpriseHistory>();
        foreach (var enterprise in Agreement.Terms.Enterprises.Where(e => e.DerivedAmounts(Agreement.Terms.Effective.From).Count > 0))
        {
            if (await histories.GetAsync(office, id, enterprise.Id.Value, cancellationToken) is { Refusal: null } history && history.Value.Amounts.Count > 0)
            {
                derived.Add(history.Value);
            }
        }

        Histories = derived;
        var lifecycle = (await agreements.LifecycleAsync(office, id, cancellationToken)).Value;
        Transitions = lifecycle.Transitions;
        LifecycleChart = ChartOptions.ToJson(ChartOptions.Lifecycle(Transitions, Agreement.Status));
        if (Agreement.PendingAmendment is { } pending
            && (await agreements.PreviewAmendmentAsync(office, id, pending.Number, cancellationToken)) is { Refusal: null } preview)
        {
            Preview = preview.Value;
            PreviewTables = [.. new[] { IndicatorFamily.Tax, IndicatorFamily.Statistics }.Select(PreviewTable).Where(t => t.Rows.Count > 0)];
        }

        return true;
    }

    private Table PreviewTable(IndicatorFamily family)
    {
        var unit = Words.Unit(family, reference);
        return new Table(
            $"amendment-{Agreement.Id.Value}-{Preview!.Amendment.Number}-{family.WireName()}",
            $"变更 {Preview.Amendment.Number} 对已记账月份的影响：{Words.Family(family)}（{unit}）",
            [new("区"), Column.Code("区划代码"), new("指标"), Column.Code("指标代码"), Column.Amount($"变化（{unit}）")],
            [
                .. Preview.ByDistrictAndIndicator()
                    .Where(c => c.Indicator.Family == family)
                    .Select(c => (IReadOnlyList<string?>)
                    [
                        Names.District(c.District, reference), c.District.Value, c.Indicator.Name, c.Indicator.Code, Display.Amount(c.Change, c.Indicator),
                    ]),
            ]);
    }

    public async Task<IActionResult> OnGetExportAsync(string id, string? table, string? format, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && TableExport.File(PreviewTables, table, format) is { } file
            ? file
            : NotFound();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
