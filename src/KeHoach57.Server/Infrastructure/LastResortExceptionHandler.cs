using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KeHoach57.Server.Infrastructure;

/// <summary>
/// The last line: anything that escapes an endpoint is logged with its stack and answered with a short
/// Vietnamese message; the stack never reaches the client. Client-side faults the framework raises
/// (a broken or oversized body) keep their 4xx.
/// </summary>
public sealed class LastResortExceptionHandler(IProblemDetailsService problems, ILogger<LastResortExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            return true; // the client left; there is no one to answer

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Rejected bad request on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status };
        Problems.Localize(problem);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
