using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Tickets;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServiceDesk.Core.Conversations.Intake;

/// <summary>
/// Reads and checks dialogs/intake.yaml and dialogs/choices.yaml: known step kinds, unique ids, every referenced choice
/// list and text key present (in every language), values that mean something. Problems name the file and line.
/// </summary>
public static class IntakeDefinitionLoader
{
    public static readonly string[] Kinds = ["text", "suggest", "choice", "questions", "confirm"];
    private static readonly string[] Stores = ["description", "type", "category", "impact", "urgency"];

    public static IntakeDefinition Load(string dialogsDirectory, TextCatalog texts)
    {
        var problems = new List<string>();
        var choicesFile = Path.Combine(dialogsDirectory, "choices.yaml");
        var intakeFile = Path.Combine(dialogsDirectory, "intake.yaml");
        var choices = ReadChoices(choicesFile, texts, problems);
        var steps = ReadSteps(intakeFile, texts, choices, problems);
        if (problems.Count > 0) throw new DialogContentException(problems);
        return new IntakeDefinition(steps, choices);
    }

    private static List<IntakeStep> ReadSteps(string file, TextCatalog texts, Dictionary<string, IReadOnlyList<Choice>> choices, List<string> problems)
    {
        var steps = new List<IntakeStep>();
        if (Root(file, problems) is not { } root) return steps;
        if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var node) || node is not YamlSequenceNode seq)
        {
            problems.Add($"{file}:{root.Start.Line}: expected 'steps:' with a list of steps");
            return steps;
        }
        foreach (var item in seq)
        {
            var at = $"{file}:{item.Start.Line}";
            if (item is not YamlMappingNode map)
            {
                problems.Add($"{at}: a step must be a mapping (id, kind, prompt…)");
                continue;
            }
            var id = Scalar(map, "id");
            var kind = Scalar(map, "kind");
            var prompt = Scalar(map, "prompt");
            var list = Scalar(map, "choices");
            var store = Scalar(map, "store");
            var min = int.TryParse(Scalar(map, "min_length"), out var m) ? m : 1;
            if (id is null) problems.Add($"{at}: step without an id");
            else if (steps.Any(s => s.Id == id)) problems.Add($"{at}: step id '{id}' is used twice");
            if (kind is null || !Kinds.Contains(kind)) problems.Add($"{at}: kind '{kind}' is not one of {string.Join(", ", Kinds)}");
            if (kind is "text" or "choice" or "confirm" or "suggest" && prompt is null) problems.Add($"{at}: step '{id}' needs a prompt");
            CheckText(texts, prompt, at, problems);
            CheckText(texts, Scalar(map, "retry"), at, problems);
            if (kind == "choice" && (list is null || !choices.ContainsKey(list)))
                problems.Add($"{at}: step '{id}' refers to choice list '{list}', which choices.yaml does not define");
            if (store is not null && !Stores.Contains(store)) problems.Add($"{at}: store '{store}' is not one of {string.Join(", ", Stores)}");
            steps.Add(new IntakeStep(id ?? "", kind ?? "", prompt, Scalar(map, "retry"), list, store, min));
        }
        if (!steps.Any(s => s.Store == "description")) problems.Add($"{file}: no step stores the description");
        if (steps.Count > 0 && steps[^1].Kind != "confirm") problems.Add($"{file}: the last step must be of kind confirm");
        return steps;
    }

    private static Dictionary<string, IReadOnlyList<Choice>> ReadChoices(string file, TextCatalog texts, List<string> problems)
    {
        var lists = new Dictionary<string, IReadOnlyList<Choice>>();
        if (Root(file, problems) is not { } root) return lists;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (valueNode is not YamlSequenceNode seq)
            {
                problems.Add($"{file}:{keyNode.Start.Line}: choice list '{name}' must be a list");
                continue;
            }
            var list = new List<Choice>();
            foreach (var item in seq.OfType<YamlMappingNode>())
            {
                var at = $"{file}:{item.Start.Line}";
                var id = Scalar(item, "id");
                var label = Scalar(item, "label");
                var value = Scalar(item, "value");
                if (id is null) problems.Add($"{at}: choice without an id");
                else if (list.Any(c => c.Id == id)) problems.Add($"{at}: choice id '{id}' is used twice in '{name}'");
                if (label is null) problems.Add($"{at}: choice '{id}' has no label");
                CheckText(texts, label, at, problems);
                if (name == "types" && !Enum.TryParse<TicketType>(value, out _)) problems.Add($"{at}: value '{value}' is not a ticket type (Incident, ServiceRequest)");
                if (name is "impact" or "urgency" && !Enum.TryParse<Level>(value, out _)) problems.Add($"{at}: value '{value}' is not a level (High, Medium, Low)");
                SupportLine? line = null;
                if (Scalar(item, "line") is { } l)
                {
                    if (Enum.TryParse<SupportLine>(l, out var parsed) && l.StartsWith('L')) line = parsed;
                    else problems.Add($"{at}: line '{l}' is not L1, L2 or L3");
                }
                var questions = new List<CategoryQuestion>();
                if (item.Children.TryGetValue(new YamlScalarNode("questions"), out var qs) && qs is YamlSequenceNode qseq)
                    foreach (var q in qseq.OfType<YamlMappingNode>())
                    {
                        var qid = Scalar(q, "id");
                        var qprompt = Scalar(q, "prompt");
                        if (qid is null || qprompt is null) problems.Add($"{file}:{q.Start.Line}: a question needs an id and a prompt");
                        CheckText(texts, qprompt, $"{file}:{q.Start.Line}", problems);
                        questions.Add(new CategoryQuestion(qid ?? "", qprompt ?? ""));
                    }
                list.Add(new Choice(id ?? "", label ?? "", value, line, questions));
            }
            lists[name] = list;
        }
        foreach (var required in new[] { "types", "impact", "urgency", "categories" })
            if (!lists.ContainsKey(required)) problems.Add($"{file}: choice list '{required}' is missing");
        return lists;
    }

    private static void CheckText(TextCatalog texts, string? key, string at, List<string> problems)
    {
        if (key is null) return;
        foreach (var lang in TextCatalog.SupportedLanguages.Where(l => !texts.Has(l, key)))
            problems.Add($"{at}: text '{key}' is missing in dialogs/texts/{lang}.yaml");
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode { Value: { Length: > 0 } s } ? s : null;

    private static YamlMappingNode? Root(string file, List<string> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add($"{file}: missing");
            return null;
        }
        try
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file)) stream.Load(reader);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
            problems.Add($"{file}:1: expected a mapping at the top");
        }
        catch (YamlException ex)
        {
            problems.Add($"{file}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }
        return null;
    }
}
