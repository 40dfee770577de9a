using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// A form whose fields are named by <see cref="FormDocument"/> paths: what was posted (kept to show
/// again), the document it reads into, and the validation problems of the API's reader shown beside
/// the field each names. A form whose fields are not the document's own names them through
/// <see cref="DocumentField"/> and <see cref="FormField"/>.
/// </summary>
public abstract class PathForm
{
    private readonly Dictionary<string, string[]> values;

    protected PathForm(Dictionary<string, string[]> values)
    {
        this.values = values;
    }

    /// <summary>Problems by the form field they belong beside; problems of no field are under the empty name.</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public string? Value(string name) => values.TryGetValue(name, out var v) ? v.LastOrDefault(x => !string.IsNullOrWhiteSpace(x)) : null;

    public bool Has(string name, string value) => values.TryGetValue(name, out var v) && v.Contains(value, StringComparer.Ordinal);

    public IReadOnlyList<string> ErrorsOf(string name) => Errors.TryGetValue(name, out var list) ? list : [];

    /// <summary>Puts each problem beside the field its path names, or above the form when the form shows no such field.</summary>
    public void Show(IEnumerable<Domain.ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            var field = FormField(FormDocument.FieldOf(problem.Path));
            var shown = values.ContainsKey(field) || Shows(field) ? field : string.Empty;
            if (!Errors.TryGetValue(shown, out var list))
            {
                Errors[shown] = list = [];
            }

            list.Add(problem.Message);
        }
    }

    /// <summary>The posted fields as a form's values.</summary>
    protected static Dictionary<string, string[]> ValuesOf(IEnumerable<KeyValuePair<string, StringValues>> form) =>
        form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);

    /// <summary>The document the form describes; <paramref name="lists"/> are the field shapes sent several times (checkboxes).</summary>
    protected JsonObject Document(ISet<string> lists) =>
        FormDocument.Read(values.Select(f => new KeyValuePair<string, StringValues>(DocumentField(f.Key), new StringValues(f.Value))), lists);

    /// <summary>Whether the form shows problems beside this name, though its field was left blank.</summary>
    protected abstract bool Shows(string field);

    /// <summary>The document path of a form field; the field's own name unless the form names it otherwise.</summary>
    protected virtual string DocumentField(string name) => name;

    /// <summary>The inverse of <see cref="DocumentField"/>.</summary>
    protected virtual string FormField(string documentField) => documentField;
}
