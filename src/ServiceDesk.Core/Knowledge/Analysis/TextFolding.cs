using System.Globalization;
using System.Text;

namespace ServiceDesk.Core.Knowledge.Analysis;

/// <summary>
/// Unicode NFKC normalization and case folding for matching: lower case, ё→е, Polish and other
/// Latin diacritics removed (ł→l, ą→a, é→e). Cyrillic letters keep their marks (й stays й).
/// </summary>
public static class TextFolding
{
    public static string Normalize(string text) =>
        text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);

    /// <summary>Folds one token (already a run of letters/digits) for matching.</summary>
    public static string Fold(ReadOnlySpan<char> token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var raw in token)
        {
            var c = char.ToLowerInvariant(raw);
            switch (c)
            {
                case 'ё': sb.Append('е'); continue;
                case 'ł': sb.Append('l'); continue;
                case 'ß': sb.Append("ss"); continue;
                case 'æ': sb.Append("ae"); continue;
                case 'ø': sb.Append('o'); continue;
                case 'đ': sb.Append('d'); continue;
            }
            if (c < 'À' || (c >= 'Ѐ' && c <= 'ӿ'))
            {
                sb.Append(c);
                continue;
            }
            // Latin letters with diacritics: decompose and keep the base letter.
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    sb.Append(d);
                }
            }
        }
        return sb.ToString();
    }

    public static bool IsCyrillic(char c) => c >= 'Ѐ' && c <= 'ӿ';

    public static bool IsLatin(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 'À' && c <= 'ɏ');
}
