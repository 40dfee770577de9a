using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Contract;

/// <summary>
/// What the document says of the API as a whole: its title and description, the one server it names
/// (the same whatever address it was fetched from, so the committed document is the served one), the
/// tags with their descriptions, and the problem catalogue as <c>x-problem-types</c>.
/// </summary>
public sealed class ContractDocument : IOpenApiDocumentTransformer
{
    /// <summary>The address <c>revshare serve</c> listens on by default; a deployment's is its own.</summary>
    public const string DefaultServer = "http://127.0.0.1:5080";

    public const string ProblemTypesExtension = "x-problem-types";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Agreements", "Joint-development agreements (联动共享协议): proposing, countersigning, approving, suspending and terminating them, their amendments, audit trail and lifecycle."),
        ("Reviews", "The month reviews (月度审核) of the tax office and the statistics bureau: an approved month is locked for its family."),
        ("Factors", "Apportionment factors (分摊因素) of the tax office: each party's operating revenue, payroll and assets of a year, from which formula terms take the next year's ratios."),
        ("History", "History figures (历史数据) of an agreement's enterprises before it takes effect, and their certification by the office that reports them: caps and baselines derived from history are known, and the agreement may be approved, once certified."),
        ("Figures", "Figure reports (报表) of the tax office and the statistics bureau, as JSON batches or CSV and Excel files."),
        ("Allocations", "Allocation and adjustment entries (分配明细), each with its explanation."),
        ("Reports", "The offices' reports: monthly reconciliation (月度对账), a district's statement (结算单) and the year-end settlement (年度清算)."),
        ("Service", "The service itself: health and the calling office."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "RevenueShare API";
        document.Info.Description =
            "The ledger of Guangzhou's cross-district revenue-sharing agreements (跨区产业联动共享): agreements and their lifecycle, "
            + "figure reports, and the allocations that split them between districts. The offices' people read Chinese; the API speaks "
            + "English, with the Chinese term beside each resource. Amounts are decimal strings, months YYYY-MM, instants ISO-8601 UTC; "
            + "every error is RFC 7807 application/problem+json, its type one of x-problem-types. Authentication, rights per office, "
            + "idempotency and limits: contracts/README.md.";
        document.Servers = [new OpenApiServer { Url = DefaultServer, Description = "revshare serve on the machine itself (its default address); a deployment answers at its own." }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions[ProblemTypesExtension] = new JsonNodeExtension(new JsonArray(
            [.. ProblemCatalogue.All.Select(t => new JsonObject
            {
                ["type"] = t.Uri,
                ["status"] = t.Status,
                ["title"] = t.Title,
                ["when"] = t.When,
            })]));
        return Task.CompletedTask;
    }
}
