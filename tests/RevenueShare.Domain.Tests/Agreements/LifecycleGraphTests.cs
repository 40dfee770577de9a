using System.Text.RegularExpressions;
using RevenueShare.Domain.Agreements;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// The lifecycle graph is exported from the machine itself (docs/agreements.md, Lifecycle). The Mermaid
/// text is held in a verified snapshot, so any change to the machine shows up in review as a change of
/// that file.
/// </summary>
public sealed class LifecycleGraphTests
{
    private const string Approved = "lifecycle.mermaid.approved.txt";

    public static TheoryData<string> States() => [.. Enum.GetNames<AgreementStatus>()];

    public static TheoryData<string> Triggers() => [.. Enum.GetNames<LifecycleTrigger>()];

    [Theory]
    [MemberData(nameof(States))]
    public void Every_state_of_the_lifecycle_is_in_both_graphs(string state)
    {
        var lifecycle = new AgreementLifecycle(InState("Draft"), callerDistrict: null);

        // Whole words, so Countersign is not found inside CountersignAmendment.
        var word = new Regex($@"\b{state}\b");
        Assert.Matches(word, lifecycle.ToMermaid());
        Assert.Matches(word, lifecycle.ToDot());
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Every_trigger_of_the_lifecycle_is_in_both_graphs(string trigger)
    {
        var lifecycle = new AgreementLifecycle(InState("Draft"), callerDistrict: null);

        // Whole words, so Countersign is not found inside CountersignAmendment.
        var word = new Regex($@"\b{trigger}\b");
        Assert.Matches(word, lifecycle.ToMermaid());
        Assert.Matches(word, lifecycle.ToDot());
    }

    [Fact]
    public void The_mermaid_graph_is_the_approved_one()
    {
        var received = Normalized(new AgreementLifecycle(InState("Draft"), callerDistrict: null).ToMermaid());
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Agreements", Approved);
        var approved = File.Exists(approvedPath) ? Normalized(File.ReadAllText(approvedPath)) : null;

        if (received != approved)
        {
            // Written beside the test binary: review it, then copy it over the approved file.
            var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The lifecycle graph changed. Review {receivedPath} and, if the change is meant, copy it to tests/RevenueShare.Domain.Tests/Agreements/{Approved}.");
        }
    }

    [Fact]
    public void The_readme_shows_the_graph_the_machine_exports()
    {
        var received = Normalized(new AgreementLifecycle(InState("Draft"), callerDistrict: null).ToMermaid());
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "README.md")) || !File.Exists(Path.Combine(root.FullName, "RevenueShare.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```mermaid\n" + received + "```", readme, StringComparison.Ordinal);
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
