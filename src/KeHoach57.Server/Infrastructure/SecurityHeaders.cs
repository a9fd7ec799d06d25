using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Infrastructure;

/// <summary>
/// Headers on every response; HTML pages also get a strict CSP whose frame-ancestors is the widget
/// allowlist, so only the portals that embed us may frame our pages.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var widget = context.RequestServices.GetRequiredService<IOptions<WidgetOptions>>().Value;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + FrameAncestors(widget.AllowedOrigins);
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static string FrameAncestors(IEnumerable<string> allowedOrigins)
    {
        var origins = allowedOrigins.Select(o => o.Trim().TrimEnd('/')).Where(IsSafeSource).Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join(' ', new[] { "'self'" }.Concat(origins));
    }

    // A configured value goes into a header verbatim, so only plain origins (or "*") are let through.
    private static bool IsSafeSource(string origin) =>
        origin == "*" ||
        (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
         uri.AbsolutePath == "/" && origin.All(c => c > ' ' && c != ';' && c != ','));
}
