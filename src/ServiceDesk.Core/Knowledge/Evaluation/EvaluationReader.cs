using System.Text.Json;

namespace ServiceDesk.Core.Knowledge.Evaluation;

/// <summary>Reads an evaluation JSONL file; a bad line is reported with its number and skipped.</summary>
public static class EvaluationReader
{
    public static (List<EvaluationQuery> Queries, List<string> Errors) Read(TextReader reader)
    {
        var queries = new List<EvaluationQuery>();
        var errors = new List<string>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var q = root.TryGetProperty("q", out var qe) && qe.ValueKind == JsonValueKind.String ? qe.GetString() : null;
                var lang = root.TryGetProperty("lang", out var le) && le.ValueKind == JsonValueKind.String ? le.GetString() : null;
                if (string.IsNullOrWhiteSpace(q))
                {
                    errors.Add($"line {number}: \"q\" is missing or empty");
                    continue;
                }
                var language = KnowledgeLanguages.Normalize(lang);
                if (language is null)
                {
                    errors.Add($"line {number}: unknown language '{lang}' (supported: {KnowledgeLanguages.Describe()})");
                    continue;
                }
                var relevant = root.TryGetProperty("relevant", out var re) && re.ValueKind == JsonValueKind.Array
                    ? re.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : [];
                queries.Add(new EvaluationQuery(number, q, language, relevant));
            }
            catch (JsonException e)
            {
                errors.Add($"line {number}: not valid JSON ({e.Message.Split('.')[0]})");
            }
        }
        return (queries, errors);
    }
}
