using System.Text;

namespace ServiceDesk.Core.Conversations;

/// <summary>Normalizes what people type: control characters out (new lines and tabs kept), Unicode NFC, trimmed.</summary>
public static class InputText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\n' or '\t') sb.Append(ch);
            else if (ch == '\r') continue;
            else if (!char.IsControl(ch) && ch != '\uFEFF') sb.Append(ch);
        }
        var s = sb.ToString();
        try
        {
            s = s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalized; keep the text as it is.
        }
        return s.Trim();
    }
}
