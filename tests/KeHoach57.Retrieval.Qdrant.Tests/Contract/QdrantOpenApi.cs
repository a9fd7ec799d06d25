using System.Text.Json;
using System.Text.RegularExpressions;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// Checks JSON against Qdrant's published OpenAPI schemas (a subset of qdrant/qdrant's
/// docs/redoc/master/openapi.json: the operations this backend calls). Covers the keywords that spec
/// uses: $ref, anyOf, oneOf, type, nullable, required, properties, additionalProperties, items, enum,
/// minimum, maximum, minLength, uniqueItems and the uuid/uint formats.
/// </summary>
/// <remarks>
/// Requests are checked strictly: a property the schema does not declare is an error even where the
/// schema allows extras, because Qdrant ignores unknown fields silently, so a misspelt "sparse_vectors"
/// would otherwise create a collection without its sparse vector and still answer 200.
/// </remarks>
public sealed class QdrantOpenApi
{
    private static readonly Lazy<QdrantOpenApi> Shared = new(() =>
        new QdrantOpenApi(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "qdrant-openapi.subset.json")))));

    private readonly JsonElement _paths;
    private readonly JsonElement _schemas;

    private QdrantOpenApi(JsonDocument document)
    {
        _paths = document.RootElement.GetProperty("paths");
        _schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
    }

    public static QdrantOpenApi Instance => Shared.Value;

    /// <summary>The documented operation for a concrete request path ("/collections/x/points?wait=true").</summary>
    public (string Template, JsonElement Operation)? FindOperation(string method, string path)
    {
        var bare = path.Split('?')[0];
        foreach (var template in _paths.EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template.Name), @"\\\{[a-z_]+}", "[^/]+") + "$";
            if (!Regex.IsMatch(bare, pattern)) continue;
            if (template.Value.TryGetProperty(method.ToLowerInvariant(), out var operation)) return (template.Name, operation);
        }
        return null;
    }

    public IReadOnlyList<string> ValidateRequest(string method, string path, JsonElement? body)
    {
        if (FindOperation(method, path) is not { } found) return [$"{method} {path} is not a documented Qdrant operation"];
        if (!found.Operation.TryGetProperty("requestBody", out var requestBody))
            return body is null ? [] : [$"{method} {found.Template} takes no body"];
        if (body is null) return [$"{method} {found.Template} needs a body"];
        var errors = new List<string>();
        Validate(requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"), body.Value, "$", strict: true, errors);
        return errors;
    }

    public IReadOnlyList<string> ValidateResponse(string method, string path, int status, JsonElement body)
    {
        if (FindOperation(method, path) is not { } found) return [$"{method} {path} is not a documented Qdrant operation"];
        var responses = found.Operation.GetProperty("responses");
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(key, out var response) && !(status is >= 400 and < 500 && responses.TryGetProperty("4XX", out response)))
            response = responses.GetProperty("default");
        var errors = new List<string>();
        Validate(response.GetProperty("content").GetProperty("application/json").GetProperty("schema"), body, "$", strict: false, errors);
        return errors;
    }

    private void Validate(JsonElement schema, JsonElement value, string at, bool strict, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(_schemas.GetProperty(reference.GetString()!.Split('/')[^1]), value, at, strict, errors);
            return;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!IsNullable(schema)) errors.Add($"{at}: null is not allowed");
            return;
        }
        if (schema.TryGetProperty("anyOf", out var anyOf)) { Alternatives(anyOf, value, at, strict, errors, exactlyOne: false); return; }
        if (schema.TryGetProperty("oneOf", out var oneOf)) { Alternatives(oneOf, value, at, strict, errors, exactlyOne: true); return; }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonEquals(a, value)))
            errors.Add($"{at}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        if (!schema.TryGetProperty("type", out var type)) return;
        switch (type.GetString())
        {
            case "object":
                ValidateObject(schema, value, at, strict, errors);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{at}: expected an array, got {value.ValueKind}"); return; }
                var items = value.EnumerateArray().ToList();
                if (schema.TryGetProperty("items", out var itemSchema))
                    for (var i = 0; i < items.Count; i++) Validate(itemSchema, items[i], $"{at}[{i}]", strict, errors);
                if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean()
                    && items.Select(e => e.GetRawText()).Distinct().Count() != items.Count)
                    errors.Add($"{at}: items must be unique");
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { errors.Add($"{at}: expected a string, got {value.ValueKind}"); return; }
                if (schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" && !Guid.TryParse(value.GetString(), out _))
                    errors.Add($"{at}: \"{value.GetString()}\" is not a UUID");
                if (schema.TryGetProperty("minLength", out var minLength) && value.GetString()!.Length < minLength.GetInt32())
                    errors.Add($"{at}: shorter than {minLength.GetInt32()}");
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _) && !value.TryGetUInt64(out _))
                    errors.Add($"{at}: expected an integer, got {value.GetRawText()}");
                else CheckRange(schema, value, at, errors);
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number) errors.Add($"{at}: expected a number, got {value.ValueKind}");
                else CheckRange(schema, value, at, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{at}: expected a boolean, got {value.ValueKind}");
                break;
        }
    }

    private void ValidateObject(JsonElement schema, JsonElement value, string at, bool strict, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{at}: expected an object, got {value.ValueKind}"); return; }
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: missing required \"{name}\"");
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var path = $"{at}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Validate(propertySchema, property.Value, path, strict, errors);
            else if (additional.ValueKind == JsonValueKind.Object)
                Validate(additional, property.Value, path, strict, errors);
            else if (additional.ValueKind == JsonValueKind.False || strict && additional.ValueKind != JsonValueKind.True)
                errors.Add($"{path}: not a documented property");
        }
    }

    private void Alternatives(JsonElement alternatives, JsonElement value, string at, bool strict, List<string> errors, bool exactlyOne)
    {
        var failures = new List<string>();
        var matched = 0;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            if (IsOnlyNullable(alternative)) continue;
            var attempt = new List<string>();
            Validate(alternative, value, at, strict, attempt);
            if (attempt.Count == 0) matched++;
            else failures.Add(string.Join("; ", attempt.Take(3)));
        }
        if (matched == 0) errors.Add($"{at}: matches none of the alternatives ({string.Join(" | ", failures)})");
        else if (exactlyOne && matched > 1) errors.Add($"{at}: matches {matched} alternatives of a oneOf");
    }

    private bool IsNullable(JsonElement schema)
    {
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()) return true;
        if (schema.TryGetProperty("$ref", out var reference)) return IsNullable(_schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        foreach (var keyword in new[] { "anyOf", "oneOf" })
            if (schema.TryGetProperty(keyword, out var alternatives) && alternatives.EnumerateArray().Any(IsNullable)) return true;
        return false;
    }

    private static bool IsOnlyNullable(JsonElement schema) =>
        schema.EnumerateObject().All(p => p.Name == "nullable");

    private static void CheckRange(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        var number = value.GetDouble();
        var unsigned = schema.TryGetProperty("format", out var format) && format.GetString()!.StartsWith("uint", StringComparison.Ordinal);
        if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble() || unsigned && number < 0)
            errors.Add($"{at}: {value.GetRawText()} is below the minimum");
        if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
            errors.Add($"{at}: {value.GetRawText()} is above the maximum");
        if (format.ValueKind == JsonValueKind.String && format.GetString() == "uint32" && number > uint.MaxValue)
            errors.Add($"{at}: {value.GetRawText()} does not fit uint32");
    }

    private static bool JsonEquals(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);
}
