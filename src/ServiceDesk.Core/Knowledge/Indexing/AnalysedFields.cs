namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>Analysed terms of an article's title, tags and body.</summary>
public sealed record AnalysedFields(List<string> Title, List<string> Tags, List<string> Body);
