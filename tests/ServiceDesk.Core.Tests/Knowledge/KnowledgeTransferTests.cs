namespace ServiceDesk.Core.Tests.Knowledge;

public sealed class KnowledgeTransferTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kb-test-" + Guid.NewGuid().ToString("N"));

    public KnowledgeTransferTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(folder, name), content);

    private static string Article(string id, string lang = "en", string title = "VPN does not connect", string body = "Restart the VPN client.") =>
        $"---\nid: {id}\ntitle: {title}\ntags: [vpn, network]\nlang: {lang}\ncategory: network\n---\n{body}\n";

    [Fact]
    public async Task Import_when_run_twice_adds_then_reports_unchanged_then_updates_changed_files()
    {
        using var kb = new KnowledgeFixture();
        Write("vpn.md", Article("vpn"));
        Write("pw.md", Article("pw", title: "Password reset", body: "Use the portal."));

        var first = await kb.Transfer.ImportAsync(folder, None);
        var second = await kb.Transfer.ImportAsync(folder, None);
        Write("pw.md", Article("pw", title: "Password reset", body: "Use the new portal."));
        var third = await kb.Transfer.ImportAsync(folder, None);

        Assert.Equal(["pw", "vpn"], first.Added.Order());
        Assert.Equal(2, second.Unchanged.Count);
        Assert.Empty(second.Added);
        Assert.Equal(["pw"], third.Updated);
        Assert.Contains("new portal", (await kb.Store.FindAsync("pw", None))!.Body);
        Assert.Equal("pw", kb.Search("password portal", "en").Hits[0].ArticleId);
    }

    [Theory]
    [InlineData("no front matter at all", 1, "must start with a '---'")]
    [InlineData("---\nid: x\ntitle: a: b\nlang: en\n---\nbody", 3, "invalid YAML")]
    [InlineData("---\nid: x\ntitle: [unclosed\nlang: en\n---\nbody", 2, "invalid YAML")]
    [InlineData("---\nid: x\ntitle: T\nlang: de\n---\nbody", 4, "unknown language 'de'")]
    [InlineData("---\nid: x\ntitle: T\n---\nbody", 2, "'lang' is missing")]
    [InlineData("---\nid: Bad Id\ntitle: T\nlang: en\n---\nbody", 2, "lowercase letters")]
    [InlineData("---\nid: x\ntitle: T\nlang: en\nbody without closing", 5, "not closed")]
    public async Task Import_when_a_file_is_malformed_rejects_it_with_name_and_line_and_imports_the_rest(string content, int line, string message)
    {
        using var kb = new KnowledgeFixture();
        Write("good.md", Article("good"));
        Write("bad.md", content);

        var report = await kb.Transfer.ImportAsync(folder, None);

        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("bad.md", rejected.FileName);
        Assert.Equal(line, rejected.Line);
        Assert.Contains(message, rejected.Error);
        Assert.StartsWith($"bad.md:{line}: ", rejected.ToString());
        Assert.Equal(["good"], report.Added);
    }

    [Fact]
    public async Task Import_when_a_stored_articles_file_turns_malformed_keeps_the_stored_article()
    {
        using var kb = new KnowledgeFixture();
        Write("vpn.md", Article("vpn"));
        await kb.Transfer.ImportAsync(folder, None);
        Write("vpn.md", Article("vpn", lang: "xx"));

        var report = await kb.Transfer.ImportAsync(folder, None);

        Assert.Single(report.Rejected);
        Assert.NotNull(await kb.Store.FindAsync("vpn", None));
        Assert.Equal("vpn", kb.Search("vpn", "en").Hits[0].ArticleId);
    }

    [Fact]
    public async Task Import_when_two_files_share_an_id_rejects_the_second()
    {
        using var kb = new KnowledgeFixture();
        Write("a.md", Article("same"));
        Write("b.md", Article("same", title: "Other"));
        var report = await kb.Transfer.ImportAsync(folder, None);
        Assert.Equal("b.md", Assert.Single(report.Rejected).FileName);
    }

    [Fact]
    public async Task Import_when_folder_is_missing_says_which()
    {
        using var kb = new KnowledgeFixture();
        var e = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => kb.Transfer.ImportAsync(Path.Combine(folder, "nope"), None));
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_store_gives_the_same_articles()
    {
        using var source = KnowledgeFixture.WithSampleArticles();
        await source.Base.CreateDraftAsync(new("SD-7", "Title: with colon", "p", "r", null, "ru"), None);
        var count = await source.Transfer.ExportAsync(folder, None);

        using var target = new KnowledgeFixture();
        var report = await target.Transfer.ImportAsync(folder, None);

        Assert.Equal(11, count);
        Assert.Empty(report.Rejected);
        Assert.Equal(11, report.Added.Count);
        foreach (var original in await source.Store.ListAsync(false, None))
        {
            var copy = await target.Store.FindAsync(original.Id, None);
            Assert.True(original.HasSameContent(copy!), original.Id);
        }
    }

    [Fact]
    public async Task Import_of_the_sample_knowledge_base_accepts_every_file()
    {
        var sample = FindSampleFolder();
        using var kb = new KnowledgeFixture();
        var report = await kb.Transfer.ImportAsync(sample, None);
        Assert.Empty(report.Rejected);
        Assert.True(report.Added.Count >= 40, report.Summary);
        foreach (var language in new[] { "en", "ru", "pl" })
        {
            Assert.Contains((await kb.Store.ListAsync(true, None)), a => a.Language == language);
        }
    }

    private static string FindSampleFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "deploy", "kb"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("deploy/kb not found above the test folder"), "deploy", "kb");
    }
}
