using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// Booking recomputes each enterprise only from the earliest month of the batch (<see cref="AllocationCarry"/>).
/// The oracle here recomputes the enterprise's whole history and diffs every line, as a booking did before:
/// both must book the same entries, batch after batch.
/// </summary>
public sealed class FigureBookingProperties
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 2, 0);

    [Property(MaxTest = 300)]
    public Property Booking_from_the_earliest_month_books_what_recomputing_the_whole_history_books() =>
        Prop.ForAll(Scenario.WithBatches, p =>
        {
            var state = Running(p.Scenario.Rules);
            var revisions = new Dictionary<(CreditCode, Indicator, YearMonth), int>();
            var number = 0;
            // Each family's office reports its own figures: a batch is one command per family.
            foreach (var batch in p.Batches.SelectMany(b => b.GroupBy(f => f.Indicator.Family)))
            {
                var reports = batch.Select(f =>
                {
                    var key = (f.Enterprise, f.Indicator, f.Month);
                    revisions[key] = revisions.GetValueOrDefault(key) + 1;
                    return new FigureReport($"r{++number}", f.Enterprise, f.Indicator, f.Month, f.Amount, revisions[key]);
                }).ToImmutableArray();

                var expected = Recomputed(state, reports);
                var decision = AgreementDecider.Decide(state, new BookFigures(state.Id, Principal.ReporterOf(batch.Key), reports), Now);
                var booked = (FiguresBooked)decision.Events.Single();
                if (!booked.Entries.Select(e => e.Change).SequenceEqual(expected))
                {
                    return false;
                }

                state = state.Apply(booked);
            }

            return true;
        });

    /// <summary>The entries of a whole-history recomputation of each enterprise the batch touches, in booking order.</summary>
    private static List<AllocationChange> Recomputed(AgreementState state, ImmutableArray<FigureReport> reports)
    {
        var changes = new List<AllocationChange>();
        foreach (var group in reports.GroupBy(r => r.Enterprise).OrderBy(g => g.Key))
        {
            var book = state.Books.GetValueOrDefault(group.Key, EnterpriseBook.Empty);
            var figures = book.Figures.ToDictionary(r => (r.Indicator, r.Month));
            foreach (var report in group)
            {
                figures[(report.Indicator, report.Month)] = report;
            }

            var covered = figures.Values
                .Select(r => new Figure(r.Enterprise, r.Indicator, r.Month, r.Amount))
                .Where(f => state.Rules.TermFor(f.Indicator, f.Month) is not null);
            var enterprise = state.Rules.Enterprises.Single(e => e.Id == group.Key);
            var after = AllocationEngine.AllocateEnterprise(state.Rules, enterprise, covered);
            changes.AddRange(AllocationDelta.Between(book.LinesInPartyOrder(state.Rules), after));
        }

        return changes;
    }

    /// <summary>An approved agreement under the scenario's rules (its amendment included), open for every month of it.</summary>
    private static AgreementState Running(AgreementRules rules)
    {
        var version = rules.Versions[0];
        var terms = new AgreementTerms(
            "性质测试",
            AgreementModel.HqRndManufacturing,
            rules.Parties,
            new EffectivePeriod(new YearMonth(2025, 1), new YearMonth(2027, 12)),
            rules.Enterprises,
            version.Terms);
        var created = AgreementState.Created(new AgreementCreated(AgreementId.Parse("GZ-2025-0001"), terms, Now, Principal.ForDistrict(rules.Parties[0].District)));
        return created with { Rules = rules, Status = AgreementStatus.Running };
    }
}
