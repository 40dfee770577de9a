using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RevenueShare.Client.Models;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Client.Tests;

/// <summary>
/// The generated client against the real server, as a district's and the city's systems would use it:
/// an agreement proposed, submitted, countersigned and approved; a year of figures booked; the allocations
/// adding up to the independent oracle's totals; the audit trail read as typed events; the reconciliation;
/// and the refusals read as typed
/// problems — a 400 with its field paths, a 409 with its type and the triggers permitted, a batch of
/// which nothing was booked with every report's outcome.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private static readonly DistrictCode Tianhe = DistrictCode.Parse("440106");
    private static readonly DistrictCode Huangpu = DistrictCode.Parse("440112");

    private OfficeClients clients = null!;

    static GeneratedClientTests()
    {
        ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonParseNodeFactory());
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonSerializationWriterFactory());
    }

    public async Task InitializeAsync() => clients = await OfficeClients.StartAsync();

    public async Task DisposeAsync() => await clients.DisposeAsync();

    [Fact]
    public async Task An_agreement_is_approved_books_its_figures_and_allocates_them_as_the_oracle_does()
    {
        var proposer = await clients.ForAsync(Principal.ForDistrict(Tianhe));
        var coParty = await clients.ForAsync(Principal.ForDistrict(Huangpu));
        var finance = await clients.ForAsync(Principal.Finance);
        var tax = await clients.ForAsync(Principal.Tax);
        var statistics = await clients.ForAsync(Principal.Statistics);

        var id = await ApproveAsync("two-party.json", proposer, coParty, finance);

        var taxResults = await tax.Api.Figures.PostAsync(await BatchOfAsync("tax-2025.json", "two-party.json"));
        var statisticsResults = await statistics.Api.Figures.PostAsync(await BatchOfAsync("statistics-2025.json", "two-party.json"));
        Assert.All(taxResults!.Results!.Concat(statisticsResults!.Results!), r =>
        {
            Assert.Equal(FigureResult_status.Booked, r.Status);
            Assert.Equal(id, r.Agreement);
        });

        var entries = (await finance.Api.Allocations.GetAsync(c => c.QueryParameters.Agreement = id))!.Entries!;
        var totals = entries
            .GroupBy(e => (e.District!, e.Indicator!))
            .ToDictionary(g => g.Key, g => g.Sum(e => decimal.Parse(e.Amount!, CultureInfo.InvariantCulture)));
        var expected = JsonNode.Parse(ContractPaths.Read("examples", "expected", "allocations-2025.json"))!["withoutRestatements"]!["two-party.json"]!.AsObject();
        var oracle = expected.SelectMany(d => d.Value!.AsObject().Select(i => ((d.Key, i.Key), decimal.Parse(i.Value!.GetValue<string>(), CultureInfo.InvariantCulture))))
            .ToDictionary(p => p.Item1, p => p.Item2);
        Assert.Equal(oracle.OrderBy(p => p.Key), totals.OrderBy(p => p.Key));

        var trail = (await coParty.Api.Agreements[id].Events.GetAsync())!.Events!;
        Assert.Equal("天河总部研发 + 黄埔制造基地联动共享协议", trail[0].AgreementCreatedEvent!.Detail!.Terms!.Title);
        Assert.Equal("同意", Assert.Single(trail, e => e.AgreementApprovedEvent is not null).AgreementApprovedEvent!.Detail!.Reason);
        var bookings = trail.Where(e => e.FiguresBookedEvent is not null).Select(e => e.FiguresBookedEvent!.Detail!).ToList();
        Assert.Equal(taxResults.Results!.Count + statisticsResults.Results!.Count, bookings.Sum(b => b.Reports));

        var reconciliation = await statistics.Api.Reconciliation.GetAsync(c => c.QueryParameters.Month = "2025-03");
        var output = Assert.Single(reconciliation!.Indicators!, i => i.Indicator == "industrial-output");
        Assert.Equal(output.Reported, output.Allocated);
        Assert.Equal("0.0", output.Difference);
        Assert.Empty(reconciliation.Missing!);
    }

    [Fact]
    public async Task An_invalid_agreement_is_a_typed_problem_with_its_field_paths()
    {
        var proposer = await clients.ForAsync(Principal.ForDistrict(Tianhe));
        var agreement = await LoadAsync<AgreementDocument>("two-party.json");
        agreement.Terms![0].Schedule![0].Ratios!.AdditionalData["440106"] = "45";

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => proposer.Api.Agreements.PostAsync(agreement));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.Equal("urn:revenueshare:problem:invalid-request", problem.Type);
        var error = Assert.Single(problem.Errors!);
        Assert.StartsWith("$.terms[0].schedule[0].ratios", error.Path, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task A_trigger_not_allowed_is_a_typed_409_with_the_triggers_permitted()
    {
        var proposer = await clients.ForAsync(Principal.ForDistrict(Tianhe));
        var coParty = await clients.ForAsync(Principal.ForDistrict(Huangpu));
        var finance = await clients.ForAsync(Principal.Finance);
        var id = await ApproveAsync("two-party.json", proposer, coParty, finance);

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => finance.Api.Agreements[id]["approve"].PostAsync(new TriggerRequest { Reason = "再次批准" }));

        Assert.Equal(409, problem.ResponseStatusCode);
        Assert.Equal("urn:revenueshare:problem:trigger-not-allowed", problem.Type);
        Assert.Contains("suspend", problem.PermittedTriggers!);
        Assert.DoesNotContain("approve", problem.PermittedTriggers!);
    }

    [Fact]
    public async Task A_batch_of_which_nothing_was_booked_is_a_typed_problem_with_every_outcome()
    {
        var tax = await clients.ForAsync(Principal.Tax);
        var batch = await BatchOfAsync("tax-2025.json", "two-party.json");
        batch.Reports = [.. batch.Reports!.Take(3)];

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => tax.Api.Figures.PostAsync(batch));

        Assert.Equal(409, problem.ResponseStatusCode);
        Assert.Equal("urn:revenueshare:problem:batch-rejected", problem.Type);
        Assert.Equal(batch.Reports.Select(r => r.ReportId), problem.Results!.Select(r => r.ReportId));
        Assert.All(problem.Results!, r =>
        {
            Assert.Equal(FigureResult_status.Rejected, r.Status);
            Assert.Null(r.Agreement);
            Assert.Equal("urn:revenueshare:problem:not-covered", r.Error!.Type);
        });
    }

    /// <summary>Proposes an example agreement and takes it through submit, countersign and approve; its number.</summary>
    private static async Task<string> ApproveAsync(string file, RevenueShareClient proposer, RevenueShareClient coParty, RevenueShareClient finance)
    {
        var created = await proposer.Api.Agreements.PostAsync(await LoadAsync<AgreementDocument>(file));
        Assert.Equal("Draft", created!.State);
        var id = created.Id!;

        Assert.Equal("AwaitingCountersign", (await proposer.Api.Agreements[id]["submit"].PostAsync(new TriggerRequest()))!.State);
        Assert.Equal("AwaitingApproval", (await coParty.Api.Agreements[id]["countersign"].PostAsync(new TriggerRequest()))!.State);
        var approved = await finance.Api.Agreements[id]["approve"].PostAsync(new TriggerRequest { Reason = "同意" });
        Assert.Equal("Active", approved!.State);
        Assert.Equal(["440106", "440112"], approved.Signatures!.Order(StringComparer.Ordinal));
        return id;
    }

    /// <summary>The example batch's reports of the example agreement's enterprises.</summary>
    private static async Task<FigureBatchRequest> BatchOfAsync(string batchFile, string agreementFile)
    {
        var agreement = await LoadAsync<AgreementDocument>(agreementFile);
        var enterprises = agreement.Enterprises!.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var batch = await KiotaJsonSerializer.DeserializeAsync<FigureBatchRequest>(ContractPaths.Read("examples", "figures", batchFile));
        batch!.Reports = [.. batch.Reports!.Where(r => enterprises.Contains(r.Enterprise!))];
        Assert.NotEmpty(batch.Reports);
        return batch;
    }

    private static async Task<T> LoadAsync<T>(string file)
        where T : IParsable =>
        (await KiotaJsonSerializer.DeserializeAsync<T>(ContractPaths.Read("examples", "agreements", file)))!;
}
