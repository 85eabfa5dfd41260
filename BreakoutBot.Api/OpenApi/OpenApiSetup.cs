using BreakoutBot.Api.Security;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BreakoutBot.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (checked in as <c>docs/openapi.json</c>; a test fails when it is
/// stale) and, in Development only, the Scalar reference UI at <c>/scalar</c>.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "BreakoutBot Api";
                document.Info.Description =
                    "Operator API of BreakoutBot. Mutating endpoints and the SignalR hub at /hubs/events require the X-Api-Key header; "
                    + "errors are RFC 7807 problem details with stable urn:breakoutbot:problem:* types.";

                // The document is checked in: no host-specific server list.
                document.Servers?.Clear();
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyDefaults.HeaderName,
                    Description = "An API key issued through configuration (Api:Keys:<name>).",
                };
                return Task.CompletedTask;
            });

            // Money, prices and quantities are exact decimals, not doubles.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(decimal) || context.JsonTypeInfo.Type == typeof(decimal?))
                {
                    schema.Format = "decimal";
                }

                return Task.CompletedTask;
            });

            // Every error is a problem document with a stable type.
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Responses ??= [];
                operation.Responses["default"] = new OpenApiResponse
                {
                    Description = "Error: RFC 7807 problem details; 'type' is a stable urn:breakoutbot:problem:* URI (validation errors carry 'errors' keyed by JSONPath or query parameter).",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/problem+json"] = new() },
                };
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}
