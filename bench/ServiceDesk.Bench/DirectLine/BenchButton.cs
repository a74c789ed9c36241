namespace ServiceDesk.Bench.DirectLine;

/// <summary>A button of a bot activity: its label, and its value as raw JSON (null when it has none).</summary>
public sealed record BenchButton(string Label, string? ValueJson);
