using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace RevenueShare.Server.Http;

/// <summary>
/// The problem answer for a request body that System.Text.Json refused (malformed JSON, a value of the
/// wrong type, and under <see cref="Domain.Documents.DocumentJson"/> an unknown or a repeated member):
/// 400 with the JSON path of the offending member, in words of our own where the serializer's name CLR
/// types.
/// </summary>
internal static class JsonBodyProblem
{
    /// <summary>The problem, or null when no <see cref="JsonException"/> is behind <paramref name="exception"/>.</summary>
    public static ProblemDetails? Describe(Exception exception)
    {
        var json = Find(exception);
        if (json is null)
        {
            return null;
        }

        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = Message(json);
        return Problems.ForStatus(StatusCodes.Status400BadRequest, $"{path}: {message}", [new FieldError(path, message)]);
    }

    private static JsonException? Find(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>
    /// The serializer gives no code for what it refused, only its message; the two refusals the contract
    /// asks for (<c>additionalProperties: false</c>, one value per member) are told by their message's
    /// opening words. Any other message loses the location it appends (the path travels in
    /// <see cref="FieldError.Path"/>), and one that names CLR types is replaced.
    /// </summary>
    private static string Message(JsonException json)
    {
        var text = json.Message;
        if (text.StartsWith("The JSON property '", StringComparison.Ordinal) && text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This member is not part of the document: the contract (contracts/schemas) allows only the members it names.";
        }

        if (text.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return "This member is given more than once: each member may appear only once.";
        }

        var cut = text.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        return text.Contains("System.", StringComparison.Ordinal) || text.Contains("RevenueShare.", StringComparison.Ordinal)
            ? "The value does not have the expected JSON type or format."
            : text;
    }
}
