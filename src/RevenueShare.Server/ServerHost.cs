using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging.Console;
using NodaTime;
using RevenueShare.Domain.Documents;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Api;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Demo;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Observability;
using RevenueShare.Server.Pages;

namespace RevenueShare.Server;

/// <summary>
/// Builds the web host for <c>revshare serve</c> and for tests: services, the request pipeline
/// (security headers, problem answers for the API and Chinese error pages for the pages, the limits
/// on a request's head, static files, the readiness gate, the throttle on failed authentications,
/// bearer authentication for the API and the office session for the pages, every route
/// authenticated unless marked anonymous), <c>/health</c>, <c>/openapi/v1.json</c>, the API of
/// <see cref="ApiRoutes"/> and the pages of <see cref="PageRoutes"/>; with <c>--demo</c>, the demo's
/// loading (<see cref="DemoStartup"/>).
/// </summary>
public static class ServerHost
{
    /// <summary>The largest request body accepted: a year of figure batches fits many times over.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>The Chinese error page that page requests are re-executed to (<c>/error/404</c>, ...).</summary>
    private const string ErrorPath = "/error";

    /// <summary>
    /// Builds (does not start) the application. <paramref name="configure"/> runs after our own
    /// registrations, so a test can replace any of them (the <see cref="IClock"/>, say); endpoints
    /// may still be mapped on the returned application before it starts.
    /// </summary>
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Our own command line parses the arguments; none reach the host's configuration.
            Args = [],
            ApplicationName = typeof(ServerHost).Assembly.GetName().Name,

            // wwwroot is copied beside revshare.dll: found the same way when run, published (a
            // single-file executable's base directory is its own folder, and the bundle leaves wwwroot
            // beside it), or started by the tests from their own output folder, whatever the current directory.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        var listen = new ListenAddresses();
        builder.Services.AddSingleton(listen);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            listen.Configure(kestrel, options);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            RequestLimits.ConfigureKestrel(kestrel.Limits);
            kestrel.AddServerHeader = false;
        });

        // JSON lines on stderr (stdout carries only what a script reads: the demo's tokens). ASP.NET
        // Core's own request-by-request lines drown those an operator needs: RequestLog writes one per
        // request instead; the framework's warnings and the host's start-up lines stay.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            json.JsonWriterOptions = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("RevenueShare.Server.Identity", LogLevel.Warning);

        AddCore(builder.Services, options);
        ApiRoutes.AddApi(builder, options);
        if (options.Demo)
        {
            // After the ledger's own hosted services, which it needs running.
            builder.Services.AddSingleton<DemoStartup>();
            builder.Services.AddHostedService(services => services.GetRequiredService<DemoStartup>());
        }

        PageRoutes.AddPages(builder.Services);
        TransportSecurity.Add(builder.Services, options);
        configure?.Invoke(builder);

        var app = builder.Build();
        StopInOrder(app, options);
        if (options.MetricsUrls is not null)
        {
            MetricsEndpoint.Map(app);
        }

        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<SecurityHeaders>();
        TransportSecurity.Use(app, options);
        app.UseExceptionHandler();
        app.UseWhen(PageRequests.IsPage, pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath,

                // A request error keeps the status the API would give it (400, 413, 503), as a page.
                StatusCodeSelector = exception =>
                    RequestProblemHandler.Describe(exception)?.Status ?? StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}");
        });
        app.UseWhen(context => !PageRequests.IsPage(context), machine => machine.UseStatusCodePages(answer =>
            Problems.WriteAsync(answer.HttpContext, Problems.ForStatus(answer.HttpContext.Response.StatusCode))));
        app.UseMiddleware<RequestLimits>();
        app.UseStaticFiles();

        // Routing after the error handlers, so a re-executed error page is routed afresh.
        app.UseRouting();
        app.Use(app.Services.GetRequiredService<Readiness>().GateAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(PageRequests.AnswerUnmatched);
        app.UseAuthorization();

        HealthRoutes.Map(app);
        app.MapOpenApi().AllowAnonymous();
        ApiRoutes.MapApi(app);
        PageRoutes.MapPages(app);
        return app;
    }

    /// <summary>
    /// A stop (SIGTERM) first closes the door: the readiness gate refuses new requests while the web
    /// server, which the host stops before the ledger, finishes those in flight; the ledger then lets
    /// the read side catch up with what was acknowledged, and only then stops its actors
    /// (docs/operations.md, Stop).
    /// </summary>
    private static void StopInOrder(WebApplication app, ServeOptions options)
    {
        var readiness = app.Services.GetRequiredService<Readiness>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerHost));
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            readiness.MarkStopping();
            ServerLog.Stopping(logger, options.ShutdownTimeout);
        });
    }

    private static void AddCore(IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Store);
        services.AddSingleton(ContractsLocator.LoadReference(options.ContractsDirectory));
        services.AddSingleton<ReadDatabase>();
        services.AddSingleton<TokenStore>();
        services.AddHostedService<TokenSchemaInitializer>();
        services.AddHostedService<NativeHeapTrim>();
        services.AddSingleton(new Readiness(options.Demo ? DemoStartup.Loading : null));
        services.AddSingleton<ServerMetrics>();
        if (options.MetricsUrls is not null)
        {
            MetricsEndpoint.AddMetrics(services);
        }

        services.AddSingleton<AuthenticationThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<AuthenticationThrottle>(AuthenticationThrottle.Configure);
        services.AddSingleton<IClock>(NodaTime.SystemClock.Instance);

        // Web defaults (camelCase), read as strictly as contracts/schemas: unknown and duplicate
        // members refused, names matched exactly, numbers only as JSON numbers.
        services.Configure<JsonOptions>(json => DocumentJson.MakeStrict(json.SerializerOptions));

        // Binding failures throw, so RequestProblemHandler answers them all in one shape.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<RequestProblemHandler>();

        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .Build());

        // The contract (contracts/openapi.json) is this document: docs/decisions.md, The contract document.
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ContractDocument>();
            openApi.AddDocumentTransformer<BearerSecurityTransformer>();
            openApi.AddDocumentTransformer<ContractExamples>();
            openApi.AddDocumentTransformer<AuditEventSchemas>();
            openApi.AddDocumentTransformer<ContractSchemas>();
            openApi.AddSchemaTransformer<NodaTimeSchemas>();
            openApi.AddOperationTransformer<BearerSecurityTransformer>();
            openApi.AddOperationTransformer<ProblemResponses>();
            openApi.AddOperationTransformer<TextAnswers>();
            openApi.AddOperationTransformer<ParameterDescriptions>();
            openApi.AddOperationTransformer<OptionalBodies>();
        });
    }
}
