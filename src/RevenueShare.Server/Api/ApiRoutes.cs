using RevenueShare.Ledger;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// The ledger's API under <c>/api</c> (docs/interfaces.md, Routes). <see cref="AddApi"/> registers what
/// the routes need (the actor system, read models, the application services the pages share); <see cref="MapApi"/> maps them. Every route here
/// requires a token: the fallback authorization policy applies to all of them.
/// </summary>
public static class ApiRoutes
{
    public static void AddApi(WebApplicationBuilder builder, ServeOptions options)
    {
        builder.Services.AddLedger(options.Store, options.Ledger with { Cluster = options.Cluster });
        builder.Services.AddSingleton<AgreementService>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<FactorService>();
        builder.Services.AddSingleton<HistoryService>();
        builder.Services.AddSingleton<ReportService>();
        builder.Services.AddSingleton<FigureService>();
        builder.Services.AddSingleton<DemoLoader>();
    }

    public static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/whoami", (HttpContext context) => TypedResults.Ok(new WhoAmI(context.Office().ToString())))
            .WithName("WhoAmI")
            .WithTags("Service")
            .WithSummary("The calling office")
            .WithDescription("The principal id of the office whose token the request carries (finance, tax, statistics, district:440106).");
        AgreementsApi.Map(api);
        ReviewsApi.Map(api);
        FactorsApi.Map(api);
        HistoryApi.Map(api);
        FiguresApi.Map(api);
        AllocationsApi.Map(api);
        FigureImportApi.Map(api);
        ReconciliationApi.Map(api);
        StatementApi.Map(api);
        SettlementApi.Map(api);
    }
}
