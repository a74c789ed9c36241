using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceDesk.Core.Conversations.Texts;

/// <summary>
/// Every text the bot says, per language, from dialogs/texts/{lang}.yaml. Placeholders are <c>{name}</c>; enum
/// arguments are localized through the <c>enum.Type.Value</c> keys.
/// </summary>
public sealed partial class TextCatalog(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts, string fallbackLanguage)
{
    public static readonly string[] SupportedLanguages = ["en", "ru", "pl"];

    public IReadOnlyCollection<string> Languages => texts.Keys.ToList();

    public IEnumerable<string> Keys(string language) => texts.TryGetValue(language, out var t) ? t.Keys : [];

    public bool Has(string language, string key) => texts.TryGetValue(language, out var t) && t.ContainsKey(key);

    public string Get(string language, string key, IReadOnlyDictionary<string, object?>? args = null)
    {
        var lang = texts.ContainsKey(language) ? language : fallbackLanguage;
        if (!texts[lang].TryGetValue(key, out var template) && !texts[fallbackLanguage].TryGetValue(key, out template))
            return key;
        if (args is null || args.Count == 0) return template;
        return Placeholder().Replace(template, m =>
            args.TryGetValue(m.Groups[1].Value, out var v) ? Format(lang, v) : m.Value);
    }

    public string Get(string language, string key, params (string Name, object? Value)[] args) =>
        Get(language, key, args.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>A value as shown to a reader of <paramref name="language"/>: enums through the catalog, numbers invariant.</summary>
    public string Format(string language, object? value) => value switch
    {
        null => "",
        Enum e => Get(language, $"enum.{e.GetType().Name}.{e}") is var s && !s.StartsWith("enum.", StringComparison.Ordinal) ? s : e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The placeholders a template uses.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
