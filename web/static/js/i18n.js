// Interface strings in Vietnamese (the default) and English. Data (names, evidence) is shown as stored.

const STRINGS = {
  vi: {
    brand_sub: "Quan hệ đối ngoại của các tỉnh, thành phố Việt Nam",
    nav_search: "Tìm kiếm", nav_graph: "Đồ thị", nav_queries: "Truy vấn", nav_docs: "API",
    lang_toggle: "English", lang_toggle_label: "Chuyển sang tiếng Anh",
    search_label: "Tìm tỉnh, đối tác, quốc gia, tổ chức, nhân vật",
    search_placeholder: "Ví dụ: Quảng Tây, Savannakhet, Lào, Quảng Trị…",
    search_button: "Tìm",
    search_hint: "Không phân biệt dấu và chữ hoa: gõ “quang tay” cũng tìm được Quảng Tây.",
    results_for: "Kết quả cho", no_results: "Không tìm thấy kết quả.", all_types: "Tất cả",
    stats_title: "Trong đồ thị", start_here: "Bắt đầu từ",
    loading: "Đang tải…", error: "Lỗi", not_found: "Không tìm thấy",
    type_VietnameseProvince: "Tỉnh/thành phố", type_ForeignLocality: "Địa phương nước ngoài", type_Country: "Quốc gia",
    type_Organization: "Tổ chức", type_Person: "Nhân vật", type_Agreement: "Thỏa thuận", type_Event: "Sự kiện",
    type_Observation: "Số liệu", type_Document: "Bài viết", type_Mention: "Bằng chứng", type_Role: "Chức vụ",
    type_Partnership: "Quan hệ đối tác", type_Entity: "Thực thể",
    iri: "IRI", open_graph: "Xem đồ thị", data_formats: "Dữ liệu",
    partners: "Đối tác", partner: "Đối tác", country: "Quốc gia", since: "Quan hệ từ", agreements: "Thỏa thuận",
    events: "Sự kiện", evidence: "Bằng chứng", evidence_count: "Số bằng chứng", timeline: "Dòng thời gian",
    figures: "Số liệu báo cáo", map: "Bản đồ đối tác", no_partners: "Chưa có đối tác nào được ghi nhận.",
    no_timeline: "Chưa có thỏa thuận hay sự kiện nào.", no_figures: "Chưa có số liệu.",
    reform: "Sắp xếp đơn vị hành chính 2025",
    reform_merged_into: "Từ 01/07/2025, đơn vị này đã hợp nhất vào",
    reform_successor_of: "Đơn vị mới từ 01/07/2025, hợp nhất từ",
    reform_rollup: "Số liệu dưới đây gồm cả những gì các đơn vị tiền thân đã làm; mục kế thừa được ghi “kế thừa từ”.",
    inherited_from: "kế thừa từ", valid: "Hiệu lực", region: "Vùng", codes: "Mã", current_unit: "đang hiệu lực",
    former_unit: "đã giải thể", not_drawn: "chưa có tọa độ", kind: "Loại", date: "Ngày", parties: "Các bên",
    fields: "Lĩnh vực", place: "Địa điểm", level: "Cấp", confidence: "Độ tin cậy", source: "Nguồn",
    published: "Ngày đăng", facts_in_article: "Các dữ kiện khác đọc từ bài viết này", article_text: "Nội văn bài viết",
    highlighted: "Câu bằng chứng được tô sáng", provinces: "Các tỉnh hợp tác", located_in: "Thuộc",
    with_province: "Với tỉnh", properties: "Thuộc tính", relations: "Quan hệ", view_evidence: "Xem bằng chứng",
    graph_title: "Đồ thị lân cận", graph_help: "Nhấp vào một nút để mở rộng; nhấp đúp để mở trang của nút. Lọc theo loại quan hệ:",
    graph_entity: "Thực thể trung tâm (mã hoặc tên)", graph_go: "Vẽ", graph_reset: "Vẽ lại",
    rel_types: "Loại quan hệ", nodes: "nút", edges: "cạnh",
    queries_title: "Truy vấn có sẵn", run: "Chạy", download_csv: "Tải CSV", rows: "dòng", truncated: "đã cắt bớt",
    optional: "tùy chọn", choose_query: "Chọn một truy vấn", no_rows: "Không có dòng nào.",
    period: "Kỳ", value: "Giá trị", unit: "Đơn vị", evidence_for: "Bằng chứng cho",
    map_region: "Khu vực", map_world: "Thế giới",
    map_legend_country: "Quốc gia có đối tác", map_legend_point: "Địa phương đối tác",
    province_label: "Tỉnh", count_partners: "đối tác", count_agreements: "thỏa thuận", count_events: "sự kiện",
    count_documents: "bài viết", count_observations: "số liệu",
    skip: "Bỏ qua, tới nội dung chính", roles: "Chức vụ", showing: "Đang hiển thị", first_reported: "Ghi nhận lần đầu", show_all: "xem tất cả (bảng truy vấn, tải CSV)", reports: "lần báo cáo", partnerships_with: "Các quan hệ đối tác với địa phương, tổ chức của", new_unit: "từ 01/07/2025", key: "Khóa", entity: "Thực thể",
  },
  en: {
    brand_sub: "Foreign relations of Vietnam's provinces",
    nav_search: "Search", nav_graph: "Graph", nav_queries: "Queries", nav_docs: "API",
    lang_toggle: "Tiếng Việt", lang_toggle_label: "Switch to Vietnamese",
    search_label: "Search provinces, partners, countries, organisations, people",
    search_placeholder: "e.g. Guangxi, Savannakhet, Laos, Quang Tri…",
    search_button: "Search",
    search_hint: "Accents and case do not matter: “quang tay” finds Quảng Tây (Guangxi).",
    results_for: "Results for", no_results: "No results.", all_types: "All",
    stats_title: "In the graph", start_here: "Start from",
    loading: "Loading…", error: "Error", not_found: "Not found",
    type_VietnameseProvince: "Province", type_ForeignLocality: "Foreign locality", type_Country: "Country",
    type_Organization: "Organisation", type_Person: "Person", type_Agreement: "Agreement", type_Event: "Event",
    type_Observation: "Figure", type_Document: "Article", type_Mention: "Evidence", type_Role: "Role",
    type_Partnership: "Partnership", type_Entity: "Entity",
    iri: "IRI", open_graph: "Open graph", data_formats: "Data",
    partners: "Partners", partner: "Partner", country: "Country", since: "Since", agreements: "Agreements",
    events: "Events", evidence: "Evidence", evidence_count: "Evidence", timeline: "Timeline",
    figures: "Reported figures", map: "Partner map", no_partners: "No partners recorded yet.",
    no_timeline: "No agreements or events yet.", no_figures: "No figures yet.",
    reform: "2025 administrative reform",
    reform_merged_into: "Since 2025-07-01 this unit is part of",
    reform_successor_of: "A unit created on 2025-07-01, merged from",
    reform_rollup: "What its predecessors did is included below; inherited items say “inherited from”.",
    inherited_from: "inherited from", valid: "Valid", region: "Region", codes: "Codes", current_unit: "in force",
    former_unit: "dissolved", not_drawn: "no coordinates", kind: "Kind", date: "Date", parties: "Parties",
    fields: "Fields", place: "Place", level: "Level", confidence: "Confidence", source: "Source",
    published: "Published", facts_in_article: "Other facts read from this article", article_text: "Article text",
    highlighted: "The evidence sentence is highlighted", provinces: "Partner provinces", located_in: "Located in",
    with_province: "With province", properties: "Properties", relations: "Relationships", view_evidence: "View evidence",
    graph_title: "Neighbourhood graph", graph_help: "Click a node to expand it; double-click to open its page. Filter by relationship type:",
    graph_entity: "Centre entity (id or name)", graph_go: "Draw", graph_reset: "Redraw",
    rel_types: "Relationship types", nodes: "nodes", edges: "edges",
    queries_title: "Named queries", run: "Run", download_csv: "Download CSV", rows: "rows", truncated: "truncated",
    optional: "optional", choose_query: "Choose a query", no_rows: "No rows.",
    period: "Period", value: "Value", unit: "Unit", evidence_for: "Evidence for",
    map_region: "Region", map_world: "World",
    map_legend_country: "Country with partners", map_legend_point: "Partner locality",
    province_label: "Province", count_partners: "partners", count_agreements: "agreements", count_events: "events",
    count_documents: "articles", count_observations: "figures",
    skip: "Skip to main content", roles: "Roles", showing: "Showing", first_reported: "First reported", show_all: "see all (query table, CSV)", reports: "reports", partnerships_with: "Partnerships with the places and bodies of", new_unit: "since 2025-07-01", key: "Key", entity: "Entity",
  },
};

// Names of the figures' indicator codes (ingest/extract/figures.py); a currency suffix becomes "(USD)".
const INDICATORS = {
  vi: {
    aid_committed: "Viện trợ cam kết", aid_disbursed: "Viện trợ giải ngân", amount: "Giá trị", border: "Đường biên giới",
    border_violations: "Vi phạm biên giới", cooperation_agreements: "Thỏa thuận hợp tác", export_markets: "Thị trường xuất khẩu",
    exporting_businesses: "Doanh nghiệp xuất khẩu", exports: "Xuất khẩu", imports: "Nhập khẩu", fdi_projects: "Dự án FDI",
    fdi_registered: "FDI đăng ký", inbound_countries: "Quốc gia có đoàn vào", inbound_delegation_person_trips: "Lượt người đoàn vào",
    inbound_delegations: "Đoàn vào", international_agreements: "Thỏa thuận quốc tế", investment_attracted: "Vốn đầu tư thu hút",
    local_exports: "Xuất khẩu của địa phương", ngo_aid_projects: "Dự án phi chính phủ", ngo_aid: "Viện trợ phi chính phủ",
    oda_capital: "Vốn ODA", oda_projects: "Dự án ODA", outbound_delegation_person_trips: "Lượt người đoàn ra",
    outbound_delegations: "Đoàn ra", overseas_vietnamese: "Người Việt Nam ở nước ngoài", partner_countries: "Quốc gia đối tác",
    projects_attracted: "Dự án thu hút", remittances: "Kiều hối", trade_turnover: "Kim ngạch thương mại",
    workers_abroad: "Lao động ở nước ngoài", delegations: "Đoàn", visitors: "Lượt khách",
  },
  en: {
    fdi_registered: "FDI registered", fdi_projects: "FDI projects", oda_capital: "ODA capital", oda_projects: "ODA projects",
    ngo_aid: "NGO aid", ngo_aid_projects: "NGO aid projects",
  },
};

let current = localStorage.getItem("provkg.lang") || "vi";

export function lang() { return current; }

export function setLang(value) {
  current = value === "en" ? "en" : "vi";
  localStorage.setItem("provkg.lang", current);
  document.documentElement.lang = current;
}

export function t(key) {
  return STRINGS[current][key] ?? STRINGS.vi[key] ?? key;
}

export function typeName(type) {
  return t("type_" + (type || "Entity"));
}

export function indicatorName(code) {
  const m = (code || "").match(/^(.*?)(?:_(usd|vnd|eur|jpy|krw|cny))?$/);
  const base = m[1], currency = m[2] ? ` (${m[2].toUpperCase()})` : "";
  const count = base.match(/^count_(.+)$/);
  const words = (count ? count[1] : base).replace(/_/g, " ");
  const name = INDICATORS[current][base] || (current === "vi" && count ? `Số ${words}` : null) ||
    (current === "en" && count ? `number of ${words}` : null) || words.charAt(0).toUpperCase() + words.slice(1);
  return name + currency;
}
