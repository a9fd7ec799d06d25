using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KeHoach57.Conversations.Storage;
using KeHoach57.Conversations.Storage.Postgres;
using KeHoach57.Hosting;
using KeHoach57.Server.Admin;
using KeHoach57.Server.Ask;
using KeHoach57.Server.Documents;
using KeHoach57.Server.Feedback;
using KeHoach57.Server.Health;
using KeHoach57.Server.Infrastructure;
using KeHoach57.Server.Telemetry;
using KeHoach57.Server.Training;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace KeHoach57.Server;

/// <summary>The web server around the shared answering core: API, widget, document pages, feedback.</summary>
public static class ServerSetup
{
    public const string CorsPolicy = "widget";

    public static WebApplicationBuilder AddAssistantServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ConversationKeyValidator>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddOptions<WidgetOptions>().Bind(configuration.GetSection(WidgetOptions.Section));
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section));
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));

        // Vietnamese stays readable in JSON; HTML-significant characters are still escaped.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => Problems.Localize(context.ProblemDetails));
        services.AddExceptionHandler<LastResortExceptionHandler>();
        services.AddPerClientRateLimit();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WidgetOptions>>((cors, widget) =>
            cors.AddPolicy(CorsPolicy, policy => ConfigureWidgetCors(policy, widget.Value.AllowedOrigins)));

        services.AddHostedService<AssistantWarmup>();
        services.AddHostedService<QuizWarmup>();
        services.AddDurableConversations();
        services.AddSingleton<ConversationIds>();
        // The published contract: /openapi/v1.json, from the endpoints' typed results and problem details.
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KeHoach57.Assistant HTTP API";
            document.Info.Description = "Hỏi đáp về các kế hoạch thực hiện Nghị quyết 57-NQ/TW. Lỗi trả về theo RFC 9457 (application/problem+json), tiêu đề và nội dung bằng tiếng Việt.";
            return Task.CompletedTask;
        }));
        services.AddSingleton<AssistantMetrics>();
        services.AddSingleton<RecentAnswers>();
        services.AddSingleton<AskService>();
        services.AddSingleton<SuggestionService>();
        services.AddSingleton<DocumentPage>();
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresFeedbackStore>()
            : new SqliteFeedbackStore(FeedbackOptions.SqlitePath(sp.GetRequiredService<IOptions<FeedbackOptions>>().Value,
                sp.GetRequiredService<IOptions<KeHoach57.Retrieval.IndexOptions>>().Value)));
        services.AddSingleton<FeedbackStore>();
        services.AddLivePlanImport();

        // Instruments are wired for OpenTelemetry; an exporter (OTLP, Prometheus…) is a deployment's choice.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AssistantMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseAssistantServer(this WebApplication app)
    {
        UseKnownProxies(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            // widget.js is embedded by other sites: short cache so a fix reaches them the same hour.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=300",
        });
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapAssistantEndpoints(this WebApplication app)
    {
        var root = app.MapGroup("").AllowHead();
        root.MapHealthEndpoints();
        root.MapAskEndpoints();
        root.MapDocumentEndpoints();
        root.MapFeedbackEndpoints();
        root.MapPlanUploadEndpoints();
        root.MapTrainingApi();
        root.MapOpenApi().ExcludeFromDescription();
        return app;
    }

    private static void UseKnownProxies(WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.KnownProxies
            .Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : null)
            .OfType<IPAddress>()
            .ToList();
        if (proxies.Count == 0) return;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) forwarded.KnownProxies.Add(proxy);
        app.UseForwardedHeaders(forwarded);
    }

    private static void ConfigureWidgetCors(CorsPolicyBuilder policy, IEnumerable<string> allowedOrigins)
    {
        var origins = allowedOrigins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToArray();
        if (origins.Contains("*")) policy.AllowAnyOrigin();
        else policy.WithOrigins(origins);
        policy.WithMethods("GET", "POST").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
