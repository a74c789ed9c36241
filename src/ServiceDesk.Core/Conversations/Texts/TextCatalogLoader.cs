using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServiceDesk.Core.Conversations.Texts;

/// <summary>
/// Loads dialogs/texts/{en,ru,pl}.yaml (flat <c>key: text</c> maps) and validates them: every key of the English
/// catalog exists in every language, and a translation uses no placeholder the English text lacks.
/// </summary>
public static class TextCatalogLoader
{
    public static TextCatalog Load(string dialogsDirectory, string fallbackLanguage = "en")
    {
        var problems = new List<string>();
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var lines = new Dictionary<string, Dictionary<string, int>>();
        foreach (var lang in TextCatalog.SupportedLanguages)
        {
            var file = Path.Combine(dialogsDirectory, "texts", lang + ".yaml");
            if (!File.Exists(file))
            {
                problems.Add($"{file}: missing (every language needs a text catalog)");
                continue;
            }
            var (map, at) = ReadFlatMap(file, problems);
            texts[lang] = map;
            lines[lang] = at;
        }
        if (texts.TryGetValue("en", out var en))
        {
            foreach (var (lang, map) in texts.Where(t => t.Key != "en"))
            {
                var file = Path.Combine(dialogsDirectory, "texts", lang + ".yaml");
                foreach (var key in en.Keys.Where(k => !map.ContainsKey(k)))
                    problems.Add($"{file}: key '{key}' is missing (it is in en.yaml line {lines["en"][key]})");
                foreach (var key in map.Keys.Where(k => !en.ContainsKey(k)))
                    problems.Add($"{file}:{lines[lang][key]}: key '{key}' is not in en.yaml");
                foreach (var (key, text) in map.Where(kv => en.ContainsKey(kv.Key)))
                {
                    var extra = TextCatalog.PlaceholdersOf(text).Except(TextCatalog.PlaceholdersOf(en[key])).ToList();
                    if (extra.Count > 0)
                        problems.Add($"{file}:{lines[lang][key]}: '{key}' uses {string.Join(", ", extra.Select(e => "{" + e + "}"))} which en.yaml does not provide");
                }
            }
        }
        if (problems.Count > 0) throw new DialogContentException(problems);
        return new TextCatalog(texts, fallbackLanguage);
    }

    internal static (Dictionary<string, string> Map, Dictionary<string, int> Lines) ReadFlatMap(string file, List<string> problems)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file)) stream.Load(reader);
            if (stream.Documents.Count == 0) return (map, at);
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add($"{file}:1: expected a mapping of text keys to texts");
                return (map, at);
            }
            foreach (var (k, v) in root.Children)
            {
                var line = (int)k.Start.Line;
                if (k is not YamlScalarNode { Value: { } key } || v is not YamlScalarNode { Value: { } value })
                {
                    problems.Add($"{file}:{line}: each entry must be 'key: text'");
                    continue;
                }
                if (!map.TryAdd(key, value)) problems.Add($"{file}:{line}: key '{key}' appears twice");
                at[key] = line;
            }
        }
        catch (YamlException ex)
        {
            problems.Add($"{file}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }
        return (map, at);
    }
}
