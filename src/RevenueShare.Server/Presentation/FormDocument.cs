using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// A form whose fields are named by the JSON path of the document field they fill, without the leading
/// <c>$.</c> (<c>title</c>, <c>parties[0].district</c>, <c>terms[1].schedule[0].ratios.440106</c>), read
/// back into that JSON document. The document then goes through the same reader as the API's, so a form
/// gets the API's validation and its messages, and each problem's path names the form field to show
/// it beside. A blank field is left out, as a JSON client would leave it out; a field sent several
/// times (checkboxes) is an array. Rows keep the form's numbering (a blank row between two filled ones
/// is a null the reader refuses at that row), so a problem's path is always the row it is shown in.
/// </summary>
public static class FormDocument
{
    /// <summary>The form field a problem's JSON path points at (<c>$.parties[0].district</c> → <c>parties[0].district</c>).</summary>
    public static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    public static JsonObject Read(IEnumerable<KeyValuePair<string, StringValues>> fields, ISet<string> arrays)
    {
        var root = new JsonObject();
        foreach (var (name, values) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
            if (present.Length == 0 || !IsDocumentField(name))
            {
                continue;
            }

            JsonNode value = arrays.Contains(Shape(name))
                ? new JsonArray([.. present.Select(v => (JsonNode)JsonValue.Create(v))])
                : JsonValue.Create(present[^1]);
            Set(root, Segments(name), value);
        }

        return root;
    }

    /// <summary>The field's name with its indexes blanked (<c>terms[1].indicators</c> → <c>terms[].indicators</c>), to say which fields are lists.</summary>
    public static string Shape(string name) => System.Text.RegularExpressions.Regex.Replace(name, @"\[\d+\]", "[]");

    private static bool IsDocumentField(string name) => name.Length > 0 && !name.StartsWith("__", StringComparison.Ordinal) && char.IsAsciiLetterLower(name[0]);

    /// <summary>Segments of a path: a member name, or an index into a list.</summary>
    private static List<object> Segments(string name)
    {
        var segments = new List<object>();
        foreach (var part in name.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                segments.Add(int.Parse(part[(bracket + 1)..close], CultureInfo.InvariantCulture));
                bracket = part.IndexOf('[', close);
            }
        }

        return segments;
    }

    private static void Set(JsonNode node, List<object> segments, JsonNode value)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            JsonNode Next() => last ? value : segments[i + 1] is int ? new JsonArray() : new JsonObject();
            if (segments[i] is int index)
            {
                var array = node.AsArray();
                while (array.Count <= index)
                {
                    array.Add(null);
                }

                node = array[index] ??= Next();
            }
            else
            {
                var obj = node.AsObject();
                var key = (string)segments[i];
                if (last)
                {
                    obj[key] = value;
                }

                node = obj[key] ??= Next();
            }
        }
    }
}
