using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Conversations.Texts;

namespace ServiceDesk.Core.Tests.Dialogs;

public sealed class IntakeDefinitionLoaderTests
{
    private static string Dialogs => Path.Combine(AppContext.BaseDirectory, "dialogs");

    [Fact]
    public void Loader_when_reading_the_shipped_dialogs_finds_every_step_choice_list_and_text()
    {
        var definition = IntakeDefinitionLoader.Load(Dialogs, TextCatalogLoader.Load(Dialogs));
        Assert.Equal(["describe", "suggest", "type", "category", "impact", "urgency", "details", "confirm"], definition.Steps.Select(s => s.Id));
        Assert.All(definition.ChoicesOf("categories"), c => Assert.NotNull(c.Line));
    }

    [Fact]
    public void Loader_when_a_step_refers_to_a_missing_list_or_text_names_file_line_and_reason()
    {
        var dir = CopyDialogs();
        File.WriteAllText(Path.Combine(dir, "intake.yaml"), """
            steps:
              - id: describe
                kind: text
                prompt: intake.describe
                store: description
              - id: colour
                kind: choice
                prompt: intake.no_such_text
                choices: colours
              - id: colour
                kind: dance
              - id: confirm
                kind: confirm
                prompt: intake.summary
            """);
        var ex = Assert.Throws<DialogContentException>(() => IntakeDefinitionLoader.Load(dir, TextCatalogLoader.Load(dir)));
        var file = Path.Combine(dir, "intake.yaml");
        Assert.Contains($"{file}:6: text 'intake.no_such_text' is missing in dialogs/texts/en.yaml", ex.Problems);
        Assert.Contains($"{file}:6: step 'colour' refers to choice list 'colours', which choices.yaml does not define", ex.Problems);
        Assert.Contains($"{file}:10: step id 'colour' is used twice", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith($"{file}:10: kind 'dance'", StringComparison.Ordinal));
    }

    [Fact]
    public void Loader_when_yaml_is_broken_names_the_line()
    {
        var dir = CopyDialogs();
        File.WriteAllText(Path.Combine(dir, "choices.yaml"), "types:\n  - id: incident\n    label: [unclosed\n");
        var ex = Assert.Throws<DialogContentException>(() => IntakeDefinitionLoader.Load(dir, TextCatalogLoader.Load(dir)));
        Assert.Contains(ex.Problems, p => p.StartsWith(Path.Combine(dir, "choices.yaml") + ":", StringComparison.Ordinal));
    }

    private static string CopyDialogs()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sddialogs-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Dialogs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }
}
