using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Agreements;
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
public sealed class DetailModel(AgreementService agreements) : PageModel
{
    public AgreementState Agreement { get; private set; } = null!;

    public IReadOnlyList<LifecycleTrigger> Acts { get; private set; } = [];

    /// <summary>The acts the office may take on the pending amendment now.</summary>
    public IReadOnlyList<LifecycleTrigger> AmendmentActs { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public IReadOnlyList<LifecycleTransition> Transitions { get; private set; } = [];

    public string LifecycleChart { get; private set; } = "{}";

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
        AmendmentActs = [.. acts.Where(t => t is LifecycleTrigger.CountersignAmendment or LifecycleTrigger.ApproveAmendment
            or LifecycleTrigger.RejectAmendment or LifecycleTrigger.WithdrawAmendment)];
        Trail = (await agreements.AuditTrailAsync(office, id, cancellationToken)).Value;
        var lifecycle = (await agreements.LifecycleAsync(office, id, cancellationToken)).Value;
        Transitions = lifecycle.Transitions;
        LifecycleChart = ChartOptions.ToJson(ChartOptions.Lifecycle(Transitions, Agreement.Status));
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
