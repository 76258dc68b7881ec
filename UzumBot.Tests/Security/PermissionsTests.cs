using UzumBot.Security;

namespace UzumBot.Tests.Security;

public sealed class PermissionsTests
{
    // Product §3, one row per permission: owner, manager, viewer.
    public static TheoryData<Permission, bool, bool, bool> Table => new()
    {
        { Permission.ViewDashboard, true, true, true },
        { Permission.ViewMoney, true, false, true },
        { Permission.ViewProducts, true, true, true },
        { Permission.EditProducts, true, true, false },
        { Permission.ViewOrders, true, true, true },
        { Permission.ActOnOrders, true, true, false },
        { Permission.ViewInvoices, true, true, true },
        { Permission.ManageTeam, true, false, false },
        { Permission.ManageToken, true, false, false },
        { Permission.ManageAutomation, true, false, false },
        { Permission.OwnSettings, true, true, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_table_matches_the_product(Permission permission, bool owner, bool manager, bool viewer)
    {
        Assert.Equal(owner, Permissions.Allows(Role.Owner, permission));
        Assert.Equal(manager, Permissions.Allows(Role.Manager, permission));
        Assert.Equal(viewer, Permissions.Allows(Role.Viewer, permission));
    }

    [Fact]
    public void Table_covers_every_permission()
    {
        var covered = Table.Select(row => (Permission)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<Permission>().ToHashSet(), covered);
    }

    [Fact]
    public void Unknown_values_are_denied()
    {
        Assert.False(Permissions.Allows(Role.Owner, (Permission)999));
        Assert.False(Permissions.Allows((Role)999, Permission.ViewDashboard));
    }
}
