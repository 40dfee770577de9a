using System.Text.Json;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Integration;

/// <summary>
/// Formula shares on the real store (docs/allocation.md, Formula shares): an agreement whose cit follows
/// the factors of the year before, past the snapshot interval, recovers its factor reports from its
/// snapshot (<c>agreement-snapshot.v4</c>) and the events after it, and a restatement after the restart
/// adjusts exactly the year its factors set.
/// </summary>
public abstract partial class LedgerOnStoreContract
{
    private static readonly DistrictCode Liwan = DistrictCode.Parse("440103");
    private static readonly DistrictCode Nansha = DistrictCode.Parse("440115");

    [Fact]
    public async Task A_formula_agreement_recovered_from_its_snapshot_keeps_its_factors_and_a_restatement_adjusts_their_year()
    {
        var clock = LedgerHost.ClockAt("2030-01-01T00:00:00Z");
        var store = await NewStoreAsync();
        string id;
        var month = Months.Parse("2025-01");
        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            id = await ApproveAsync(ledger, FormulaTerms());

            // 440103 has no factors at first: the remainder follows 440115's, so cit splits 50 / 50.
            for (var year = 2024; year <= 2028; year++)
            {
                Assert.Null((await ledger.Gateway.SendAsync(new ReportFactors(AgreementId.Parse(id), Principal.Tax, Factors($"f{year}", year, 1, 0m)), default)).Rejection);
            }

            // 4 lifecycle events + 5 factor reports + 55 batches passes the snapshot interval of 50.
            for (var i = 0; i < 55; i++)
            {
                var outcome = await ledger.Gateway.BookAsync(Principal.Tax, [Cit($"c{i}", month.PlusMonths(i), 10.00m)], default);
                Assert.Equal(ReportStatus.Booked, outcome.Single().Status);
            }
        }

        await using (var ledger = await LedgerHost.StartAsync(store, clock))
        {
            var state = (await ledger.Gateway.GetAsync(AgreementId.Parse(id), default))!;
            Assert.Equal(64, state.Version);
            Assert.Equal(5, state.FactorReports.Count);
            Assert.Equal(1, state.Rules.Factors[(CreditCode.Parse(Enterprise), 2024)].Revision);

            // Equal factors for 2024: 440103 now holds half of every factor, so 50 + 25 = 75 %.
            Assert.Null((await ledger.Gateway.SendAsync(new ReportFactors(AgreementId.Parse(id), Principal.Tax, Factors("f2024-r2", 2024, 2, 1.00m)), default)).Rejection);

            var entries = await Allocations(ledger, id);
            var adjustments = entries.Where(e => e.Kind == "adjustment").ToList();
            Assert.Equal(24, adjustments.Count); // the 12 months of 2025, two parties each
            Assert.All(adjustments, a => Assert.Equal(2025, a.Month.Year));
            Assert.All(adjustments, a => Assert.Equal("f2024-r2", a.Cause));
            var march = entries.Where(e => e.Month == Months.Parse("2025-03")).GroupBy(e => e.District).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
            Assert.Equal(7.50m, march["440103"]);
            Assert.Equal(2.50m, march["440115"]);
            var january2026 = entries.Where(e => e.Month == Months.Parse("2026-01")).GroupBy(e => e.District).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
            Assert.Equal(5.00m, january2026["440103"]);
        }
    }

    private static FactorReport Factors(string reportId, int year, int revision, decimal liwan) => new(
        reportId,
        CreditCode.Parse(Enterprise),
        year,
        revision,
        [new DistrictFactors(Liwan, new ApportionmentFactors(liwan, liwan, liwan)), new DistrictFactors(Nansha, new ApportionmentFactors(1.00m, 1.00m, 1.00m))]);

    private static FigureReport Cit(string reportId, YearMonth month, decimal amount) =>
        new(reportId, CreditCode.Parse(Enterprise), RepositoryFiles.Indicator("cit"), month, amount, 1);

    private static AgreementTerms FormulaTerms()
    {
        var json = $$"""
            {
              "title": "三因素示例", "model": "hq-rnd+manufacturing",
              "parties": [ { "district": "440103", "role": "origin" }, { "district": "440115", "role": "host" } ],
              "effective": { "from": "2025-01", "to": "2029-12" },
              "enterprises": [ { "id": "{{Enterprise}}", "name": "示例", "registeredDistrict": "440115" } ],
              "terms": [ { "indicators": ["cit"], "mode": "formula", "hq": "440103", "hqPercent": "50",
                           "weights": { "operatingRevenue": "35", "payroll": "35", "assets": "30" } } ]
            }
            """;
        var document = JsonSerializer.Deserialize<AgreementDocument>(json, JsonSerializerOptions.Web);
        Assert.True(AgreementDocumentReader.TryRead(document, RepositoryFiles.Reference, out var terms, out var problems), string.Join("; ", problems));
        return terms;
    }
}
