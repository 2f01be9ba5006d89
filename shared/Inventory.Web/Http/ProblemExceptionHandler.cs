using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inventory.Web.Http;

/// <summary>
/// Turns a body that could not be read (malformed JSON, a string where a number belongs, a number too
/// large for its field) into a 400 problem that says which field; anything else is a 500 without detail.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid JSON for this call.", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.Message),
            _ => (500, "Something went wrong on the server.", null),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "the body" : json.Path.TrimStart('$', '.');
        return json.InnerException is FormatException or OverflowException || json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"'{path}' has a value of the wrong type or out of range."
            : $"Malformed JSON near '{path}'.";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
