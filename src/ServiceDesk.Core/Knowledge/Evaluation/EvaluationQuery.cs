namespace ServiceDesk.Core.Knowledge.Evaluation;

/// <summary>One line of an evaluation set: {"q": "...", "lang": "ru", "relevant": ["id", ...]}; empty relevant = nothing should be suggested.</summary>
public sealed record EvaluationQuery(int Line, string Query, string Language, IReadOnlyList<string> Relevant);
