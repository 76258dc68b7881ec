namespace UzumBot.Security;

public enum Role { Owner, Manager, Viewer }

public enum Permission
{
    ViewDashboard,
    ViewMoney,
    ViewProducts,
    EditProducts,
    ViewOrders,
    ActOnOrders,
    /// <summary>Invoices and stock reports.</summary>
    ViewInvoices,
    ManageTeam,
    /// <summary>Token, shops, plan.</summary>
    ManageToken,
    ManageAutomation,
    /// <summary>Own language, own PIN, lock, leave.</summary>
    OwnSettings,
}

/// <summary>The role table of product §3. Checked on the server for every callback; unknown values are denied.</summary>
public static class Permissions
{
    public static bool Allows(Role role, Permission permission) => permission switch
    {
        Permission.ViewDashboard or Permission.ViewProducts or Permission.ViewOrders
            or Permission.ViewInvoices or Permission.OwnSettings => role is Role.Owner or Role.Manager or Role.Viewer,
        // Managers work orders all day but do not see money; viewers (accountant, partner) do.
        Permission.ViewMoney => role is Role.Owner or Role.Viewer,
        Permission.EditProducts or Permission.ActOnOrders => role is Role.Owner or Role.Manager,
        Permission.ManageTeam or Permission.ManageToken or Permission.ManageAutomation => role is Role.Owner,
        _ => false,
    };
}
