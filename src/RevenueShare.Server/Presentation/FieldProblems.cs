using Microsoft.AspNetCore.Html;

namespace RevenueShare.Server.Presentation;

/// <summary>The validation problems a <see cref="PathForm"/> shows beside one of its fields, as the forms' markup.</summary>
public static class FieldProblems
{
    public static IHtmlContent Of(PathForm form, string field)
    {
        var builder = new HtmlContentBuilder();
        foreach (var message in form.ErrorsOf(field))
        {
            builder.AppendHtml("<span class=\"field-error\" data-field=\"");
            builder.Append(field);
            builder.AppendHtml("\">");
            builder.Append(message);
            builder.AppendHtml("</span>");
        }

        return builder;
    }
}
