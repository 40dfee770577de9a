using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Api;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// The problem types are a contract of their own (contracts/README.md, Problem types): the names never
/// change, every answer's type is an entry of <see cref="ProblemCatalogue"/>, every entry can be answered,
/// and the OpenAPI document and the README print exactly the catalogue.
/// </summary>
public sealed partial class ProblemCatalogueTests
{
    /// <summary>The published names, in the catalogue's order; renaming one breaks integrators' code.</summary>
    private static readonly string[] Published =
    [
        "invalid-request", "batch-rejected", "unauthorized", "forbidden", "not-found", "method-not-allowed",
        "conflict", "trigger-not-allowed", "coverage-overlap", "report-id-reused", "not-covered", "month-not-open", "revision-out-of-order", "month-locked", "factors-missing", "history-incomplete", "history-uncertified",
        "too-large", "uri-too-long", "unsupported-media-type", "authentication-throttled", "busy", "headers-too-large", "internal", "unavailable",
    ];

    [Fact]
    public void The_names_are_the_published_ones_each_once() =>
        Assert.Equal(Published, ProblemCatalogue.All.Select(t => t.Name));

    [Fact]
    public void Every_type_is_a_urn_under_the_base_and_has_its_words()
    {
        foreach (var type in ProblemCatalogue.All)
        {
            Assert.Matches("^urn:revenueshare:problem:[a-z0-9]+(-[a-z0-9]+)*$", type.Uri);
            Assert.InRange(type.Status, 400, 599);
            Assert.False(string.IsNullOrWhiteSpace(type.Title), type.Name);
            Assert.False(string.IsNullOrWhiteSpace(type.When), type.Name);
        }
    }

    [Fact]
    public void Every_rejection_code_answers_a_catalogue_type_at_its_status()
    {
        foreach (var code in Enum.GetValues<RejectionCode>())
        {
            var problem = RejectionProblems.ToProblem(new Rejection(code, "refused"));
            var entry = Assert.Single(ProblemCatalogue.All, t => t.Uri == problem.Type);
            Assert.Equal(entry.Status, problem.Status);
            Assert.Equal(entry.Title, problem.Title);
        }
    }

    [Fact]
    public void Every_bare_status_answers_a_catalogue_type_or_its_own_status_name()
    {
        for (var status = 400; status < 600; status++)
        {
            var problem = Problems.ForStatus(status);
            Assert.Equal(status, problem.Status);
            if (ProblemCatalogue.All.SingleOrDefault(t => t.Uri == problem.Type) is { } entry)
            {
                Assert.Equal(entry.Title, problem.Title);
                Assert.True(entry.Status == status || entry == ProblemCatalogue.Internal, $"{status} answered {entry.Name}");
            }
            else
            {
                Assert.Equal(Problems.TypeBase + ProblemCatalogue.OtherStatusPrefix + status, problem.Type);
                Assert.Equal(ProblemCatalogue.OtherStatusTitle, problem.Title);
            }
        }
    }

    /// <summary>
    /// Answers are built from entries only (the type is a <see cref="ProblemType"/>, never a string), so
    /// nothing outside the catalogue can be answered; and each entry is used by some answer, so nothing in
    /// it is dead. Read from the server's source, the one place that shows every use.
    /// </summary>
    [Fact]
    public void Every_entry_is_answered_somewhere_in_the_server()
    {
        var source = Path.Combine(ContractFiles.Directory, "..", "src", "RevenueShare.Server");
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "ProblemCatalogue.cs" && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => EntryUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["field"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var fields = typeof(ProblemCatalogue).GetFields().Where(f => f.FieldType == typeof(ProblemType)).ToList();

        Assert.Equal(ProblemCatalogue.All.Count, fields.Count);
        Assert.All(fields, f => Assert.Contains(f.Name, used));
    }

    [Fact]
    public void The_document_prints_the_catalogue()
    {
        var printed = JsonNode.Parse(ContractFiles.Read("openapi.json"))!["x-problem-types"]!.AsArray();

        Assert.Equal(
            ProblemCatalogue.All.Select(t => (t.Uri, t.Status, t.Title, t.When)),
            printed.Select(p => (p!["type"]!.GetValue<string>(), p["status"]!.GetValue<int>(), p["title"]!.GetValue<string>(), p["when"]!.GetValue<string>())));
    }

    [Fact]
    public void The_readme_lists_the_catalogue()
    {
        var rows = ReadmeRow().Matches(ContractFiles.Read("README.md"))
            .Select(m => (m.Groups["name"].Value, int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(ProblemCatalogue.All.Select(t => (t.Name, t.Status)), rows);
    }

    [GeneratedRegex(@"ProblemCatalogue\.(?<field>[A-Z]\w*)")]
    private static partial Regex EntryUse();

    /// <summary>A row of the README's problem table: <c>| `urn:revenueshare:problem:name` | status | ...</c>.</summary>
    [GeneratedRegex(@"^\| `urn:revenueshare:problem:(?<name>[a-z0-9-]+)` \| (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
