using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inventory.Web.Http;

/// <summary>
/// File answers (CSV, PDF, labels) in the OpenAPI document. A file result declares no response of its own, and
/// <c>.Produces(200, contentType: …)</c> without a type would replace the JSON schema an <c>Ok&lt;T&gt;</c> of the same
/// endpoint declares; this adds the file's content types beside it, each a binary string.
/// </summary>
public static class FileResponses
{
    /// <summary>The content types a 200 of this endpoint may also carry as a file.</summary>
    public sealed record Metadata(IReadOnlyList<string> ContentTypes);

    public static RouteHandlerBuilder ProducesFiles(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new Metadata(contentTypes));

    public static OpenApiOptions AddFileResponses(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Metadata>().LastOrDefault() is not { } files)
            {
                return Task.CompletedTask;
            }

            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var response))
            {
                response = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = response;
            }

            if (response is OpenApiResponse concrete)
            {
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                foreach (var type in files.ContentTypes)
                {
                    concrete.Content[type] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    };
                }
            }

            return Task.CompletedTask;
        });
}
