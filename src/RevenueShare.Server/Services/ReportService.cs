using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Server.Services;

/// <summary>
/// The offices' reports, one path for the API and the pages: allocation entries, the reconciliation of
/// a month, a district's statement and the year-end settlement. The arithmetic is the domain's (through
/// <see cref="OfficeReports"/>); here who may ask and the parsing of what they ask for.
/// </summary>
public sealed class ReportService(AgreementService agreements, ReadModel reads, ReferenceData reference, IClock clock)
{
    /// <summary>
    /// Allocation and adjustment entries matching the filters (each may be null), as far as the office
    /// may see them: its families, and for a district only agreements it is party to.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<AllocationEntryRow>>> AllocationsAsync(
        Principal office, string? agreement, string? district, string? indicator, string? from, string? to, string? asOf, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var (fromMonth, toMonth) = MonthRange(from, to, required: false, problems);
        var instant = AsOf(asOf, problems);
        DistrictCode? districtCode = null;
        if (district is not null)
        {
            if (DistrictCode.TryParse(district, out var code, out _) && reference.TryGetDistrict(code, out _))
            {
                districtCode = code;
            }
            else
            {
                problems.Add(new ValidationProblem("district", $"'{district}' is not a district of the catalogue."));
            }
        }

        Indicator? known = null;
        if (indicator is not null && !reference.TryGetIndicator(indicator, out known))
        {
            problems.Add(new ValidationProblem("indicator", $"'{indicator}' is not an indicator of the catalogue."));
        }

        if (problems.Count > 0)
        {
            return Refusal.Invalid(problems[0].Message, problems);
        }

        if (known is not null && !Visibility.CanSee(office, known))
        {
            return Refusal.NotFound($"{office} may not see {known.Code} figures.");
        }

        Domain.Agreements.AgreementId? agreementId = null;
        if (agreement is not null)
        {
            if (await agreements.VisibleAsync(agreement, office, cancellationToken) is not { } state)
            {
                return AgreementService.NotFound(agreement);
            }

            agreementId = state.Id;
        }

        var query = new AllocationQuery(
            agreementId, districtCode, indicator, fromMonth, toMonth, [.. Visibility.FamiliesOf(office).Select(f => f.WireName())],
            office.Kind == PrincipalKind.District ? office.District : null) { AsOf = instant };
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        return Outcomes.Of(await snapshot.AllocationsAsync(query, cancellationToken));
    }

    /// <summary>The reconciliation of <paramref name="month"/>: statistics for its indicators, finance for all.</summary>
    public async Task<Outcome<Reconciliation>> ReconciliationAsync(Principal office, string? month, string? asOf, CancellationToken cancellationToken)
    {
        if (office.Kind is not (PrincipalKind.Statistics or PrincipalKind.Finance))
        {
            return Refusal.Forbidden("Only the statistics bureau and the finance bureau reconcile.");
        }

        if (!Months.TryParse(month, out var period, out var error))
        {
            return Refusal.BadField("month", month is null ? "month is required, as YYYY-MM." : error);
        }

        var problems = new List<ValidationProblem>();
        var instant = AsOf(asOf, problems);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(problems[0].Message, problems);
        }

        var visible = reference.Indicators.Where(i => Visibility.CanSee(office, i)).ToArray();
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        return await OfficeReports.ReconciliationAsync(snapshot, period, visible, instant, cancellationToken);
    }

    /// <summary>The statement of district <paramref name="code"/> over <paramref name="from"/>..<paramref name="to"/>, for that district or finance.</summary>
    public async Task<Outcome<DistrictStatement>> StatementAsync(
        Principal office, string code, string? from, string? to, string? asOf, CancellationToken cancellationToken)
    {
        var asked = StatementAsked(office, code, from, to, asOf);
        if (asked.IsRefused(out var refusal))
        {
            return refusal;
        }

        var (district, first, last, instant) = asked.Value;
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        return await OfficeReports.StatementAsync(snapshot, district, first, last, instant, cancellationToken);
    }

    /// <summary>
    /// The statement of district <paramref name="code"/> over <paramref name="from"/>..<paramref name="to"/>
    /// (at most <see cref="MaxStatementMonths"/>), and the same month by month, for the pages' chart of its
    /// share per indicator and month; all from one snapshot, so the months add up to the whole.
    /// </summary>
    public async Task<Outcome<(DistrictStatement Whole, IReadOnlyList<DistrictStatement> Months)>> StatementByMonthAsync(
        Principal office, string code, string? from, string? to, CancellationToken cancellationToken)
    {
        var asked = StatementAsked(office, code, from, to, asOf: null);
        if (asked.IsRefused(out var refusal))
        {
            return refusal;
        }

        var (district, first, last, _) = asked.Value;
        if (Months.CountInclusive(first, last) > MaxStatementMonths)
        {
            return Refusal.BadField("to", $"A statement by month covers at most {MaxStatementMonths} months.");
        }

        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        var whole = await OfficeReports.StatementAsync(snapshot, district, first, last, asOf: null, cancellationToken);
        var months = new List<DistrictStatement>();
        for (var month = first; month <= last; month = month.PlusMonths(1))
        {
            months.Add(await OfficeReports.StatementAsync(snapshot, district, month, month, asOf: null, cancellationToken));
        }

        return (whole, months);
    }

    /// <summary>The district, months and instant a statement asks for, once the office may ask for it.</summary>
    private Outcome<(DistrictCode District, YearMonth From, YearMonth To, Instant? AsOf)> StatementAsked(
        Principal office, string code, string? from, string? to, string? asOf)
    {
        if (!(DistrictCode.TryParse(code, out var district, out _) && reference.TryGetDistrict(district, out _)))
        {
            return Refusal.NotFound($"'{code}' is not a district of the catalogue.");
        }

        if (!(office.Kind == PrincipalKind.Finance || (office.Kind == PrincipalKind.District && office.District == district)))
        {
            return Refusal.Forbidden($"A statement of {code} is for district:{code} and finance only.");
        }

        var problems = new List<ValidationProblem>();
        var (fromMonth, toMonth) = MonthRange(from, to, required: true, problems);
        var instant = AsOf(asOf, problems);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(problems[0].Message, problems);
        }

        return (district, fromMonth!.Value, toMonth!.Value, instant);
    }

    /// <summary>The longest range a statement by month covers: a year and its restatement window.</summary>
    public const int MaxStatementMonths = 24;

    /// <summary>The settlement of <paramref name="year"/>: finance sees the city's, a district the rows involving itself.</summary>
    public async Task<Outcome<YearEndSettlement>> SettlementAsync(Principal office, int? year, string? asOf, CancellationToken cancellationToken)
    {
        if (office.Kind is not (PrincipalKind.Finance or PrincipalKind.District))
        {
            return Refusal.Forbidden("The settlement is the finance bureau's, and each district's for its own rows.");
        }

        if (year is not (>= 2000 and <= 2100))
        {
            return Refusal.BadField("year", "year is required, between 2000 and 2100.");
        }

        var problems = new List<ValidationProblem>();
        var instant = AsOf(asOf, problems);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(problems[0].Message, problems);
        }

        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        var city = await OfficeReports.SettlementAsync(snapshot, year.Value, instant, cancellationToken);
        return office.Kind == PrincipalKind.District ? city.SeenBy(office.District!.Value) : city;
    }

    /// <summary>
    /// The months <c>from</c>..<c>to</c> a report covers, both included: each a month (YYYY-MM), both
    /// given when <paramref name="required"/> (else each may be left open), and <c>to</c> never before
    /// <c>from</c> — the one range rule of every report that takes one. Problems are named by the
    /// query parameter.
    /// </summary>
    private static (YearMonth? From, YearMonth? To) MonthRange(string? from, string? to, bool required, List<ValidationProblem> problems)
    {
        var fromMonth = RangeEnd(from, "from", required, problems);
        var toMonth = RangeEnd(to, "to", required, problems);
        if (fromMonth is { } first && toMonth is { } last && last < first)
        {
            problems.Add(new ValidationProblem("to", $"to ({to}) is before from ({from})."));
        }

        return (fromMonth, toMonth);
    }

    /// <summary>
    /// The instant a point-in-time read asks about (<c>asOf</c>): an ISO-8601 date and time with its
    /// offset (<c>2025-07-01T00:00:00Z</c>, <c>2025-07-01T08:00:00+08:00</c>), not after the ledger's
    /// present (its clock): the ledger cannot say what it will have booked. Null when not asked.
    /// </summary>
    private Instant? AsOf(string? text, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            problems.Add(new ValidationProblem("asOf", $"'{text}' is not an instant; expected an ISO-8601 date and time with its offset, e.g. \"2025-07-01T00:00:00Z\"."));
            return null;
        }

        var instant = parsed.Value.ToInstant();
        var now = clock.GetCurrentInstant();
        if (instant > now)
        {
            problems.Add(new ValidationProblem("asOf", $"asOf ({text}) is after the ledger's present ({InstantPattern.ExtendedIso.Format(now)}): nothing is known of it yet."));
            return null;
        }

        return instant;
    }

    private static YearMonth? RangeEnd(string? text, string name, bool required, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            if (required)
            {
                problems.Add(new ValidationProblem(name, $"{name} is required, as YYYY-MM."));
            }

            return null;
        }

        if (Months.TryParse(text, out var month, out var error))
        {
            return month;
        }

        problems.Add(new ValidationProblem(name, error));
        return null;
    }
}
