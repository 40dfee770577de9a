using RevenueShare.Domain.Allocation;
using static RevenueShare.Domain.Tests.Allocation.AllocationEngineTests;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Allocation;

public sealed class AllocationDeltaTests
{
    [Fact]
    public void Restating_january_to_500_under_a_cap_of_500_books_adjustments_for_january_and_february_only()
    {
        var before = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));
        var after = AllocationEngine.Allocate(CappedRules(), CappedFigures(500.00m));

        var changes = AllocationDelta.Between(before, after);

        Assert.Equal("2025-01 vat O -60.00 H -40.00; 2025-02 vat O +60.00 H -60.00", Render(changes));
        Assert.All(changes, c => Assert.Equal(AllocationChangeKind.Adjustment, c.Kind));
        Assert.Equal([300.00m, 200.00m, 200.00m, 200.00m], changes.Select(c => c.Line.Amount));
    }

    [Fact]
    public void A_first_report_books_every_partys_line_even_a_zero()
    {
        var before = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m).Take(2));
        var after = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));

        var changes = AllocationDelta.Between(before, after);

        Assert.Equal("2025-03 vat O 0.00 H +100.00", Render(changes));
        Assert.All(changes, c => Assert.Equal(AllocationChangeKind.Allocation, c.Kind));
    }

    [Fact]
    public void Everything_is_an_allocation_against_nothing_booked()
    {
        var after = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));

        var changes = AllocationDelta.Between([], after);

        Assert.Equal(after, changes.Select(c => c.Line));
        Assert.Equal(after.Select(l => l.Amount), changes.Select(c => c.Amount));
    }

    [Fact]
    public void The_same_allocation_twice_books_nothing()
    {
        var lines = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));

        Assert.Empty(AllocationDelta.Between(lines, lines));
    }

    [Fact]
    public void A_line_that_disappears_is_reversed_so_the_books_still_sum_to_the_allocation()
    {
        var before = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));
        var after = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m).Take(2));

        var changes = AllocationDelta.Between(before, after);

        Assert.Equal("2025-03 vat H -100.00", Render(changes));
        Assert.Equal(0.00m, Assert.Single(changes).Line.Amount);
    }

    [Fact]
    public void Changes_come_in_canonical_order()
    {
        var after = AllocationEngine.Allocate(CappedRules(), CappedFigures(500.00m));
        var before = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));

        var changes = AllocationDelta.Between(before, after.Reverse());

        Assert.Equal("2025-01 vat H -40.00 O -60.00; 2025-02 vat H -60.00 O +60.00", Render(changes));
    }
}
