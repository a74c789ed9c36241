using ServiceDesk.Core.Tests.Harness;
using System.Text.RegularExpressions;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Dialogs;

public sealed partial class TextCatalogLintTests
{

    private static TextCatalog Catalog() => TextCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "dialogs"));

    [Fact]
    public void Catalog_when_loaded_from_the_repository_has_every_key_in_every_language()
    {
        var catalog = Catalog();
        var en = catalog.Keys("en").ToHashSet();
        foreach (var lang in TextCatalog.SupportedLanguages)
            Assert.Equal(en.Order(), catalog.Keys(lang).Order());
    }

    [Fact]
    public void Every_text_key_the_code_uses_exists_in_the_catalog()
    {
        var catalog = Catalog();
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !u.Key.EndsWith(".yaml", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(u => !catalog.Has("en", u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_history_kind_status_and_trigger_has_a_text()
    {
        var catalog = Catalog();
        var kinds = typeof(TicketEventKinds).GetFields().Select(f => "event." + f.GetValue(null));
        var enums = Enum.GetNames<TicketStatus>().Select(n => "enum.TicketStatus." + n)
            .Concat(Enum.GetNames<TicketType>().Select(n => "enum.TicketType." + n))
            .Concat(Enum.GetNames<ServiceDesk.Core.Tickets.Lifecycle.TicketTrigger>().Select(n => "enum.TicketTrigger." + n));
        var buttons = new[] { "claim", "escalate", "resolve", "ask", "confirm", "reopen", "cancel", "show", "publish" }.Select(b => "button." + b);
        var missing = kinds.Concat(enums).Concat(buttons).Where(k => !catalog.Has("en", k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Loader_when_a_language_lacks_a_key_or_has_broken_yaml_names_the_file_and_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sdlint-" + Guid.NewGuid().ToString("N"), "texts");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "en.yaml"), "a.one: \"One\"\na.two: \"Two {x}\"\n");
        File.WriteAllText(Path.Combine(dir, "ru.yaml"), "a.one: \"Один\"\n");
        File.WriteAllText(Path.Combine(dir, "pl.yaml"), "a.one: \"Jeden\"\na.two: \"Dwa {y}\n  : broken\n");

        var ex = Assert.Throws<DialogContentException>(() => TextCatalogLoader.Load(Path.GetDirectoryName(dir)!));

        Assert.Contains(ex.Problems, p => p.Contains("ru.yaml") && p.Contains("'a.two' is missing"));
        Assert.Contains(ex.Problems, p => p.Contains("pl.yaml:") && Regex.IsMatch(p, @"pl\.yaml:\d+"));
    }

    [GeneratedRegex("\"((?:help|lang|command|ticket|refused|prompt|done|assign|priority|rate|status|my|list|queue|show|card|button|notify|team|kb|dialog|input|error|intake|sla|report|deflection)\\.[a-z_]+(?:\\.[a-z_]+)?)\"")]
    private static partial Regex KeyLiteral();
}
