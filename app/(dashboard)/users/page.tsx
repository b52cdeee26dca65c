import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/require-role";
import { parseListParams, type SearchParams } from "@/lib/pagination/list-params";
import { countActiveAdmins, listUsers } from "@/lib/users/users.queries";
import { userListFilters } from "@/lib/users/users.schema";
import { PageHeader } from "@/components/shell/page-header";
import { FilterBar } from "@/components/data-table/filter-bar";
import { UsersTable } from "./users-table";
import { CreateUserButton } from "./user-form";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireRole("admin");
  const t = await getTranslations("users");
  const common = await getTranslations("common");
  const params = parseListParams(await searchParams, userListFilters);
  const [page, activeAdmins] = await Promise.all([listUsers(params), countActiveAdmins()]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} actions={<CreateUserButton />} />
      <FilterBar
        fields={[
          { name: "q", label: t("filters.q"), type: "text" },
          {
            name: "role",
            label: t("columns.role"),
            type: "select",
            options: [
              { value: "staff", label: common("roles.staff") },
              { value: "admin", label: common("roles.admin") },
            ],
          },
          {
            name: "status",
            label: t("columns.status"),
            type: "select",
            options: [
              { value: "active", label: t("status.active") },
              { value: "disabled", label: t("status.disabled") },
            ],
          },
        ]}
      />
      <UsersTable rows={page.rows} nextCursor={page.nextCursor} prevCursor={page.prevCursor} meId={me.id} activeAdmins={activeAdmins} />
    </div>
  );
}
