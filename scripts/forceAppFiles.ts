/**
 * Every file of the package's metadata in force-app/ (objects, fields, validation rules, list views, tabs, report
 * types, permission sets), by path relative to the repository root. `npm run force-app` writes them;
 * test/forceAppMetadata.test.ts proves the committed files equal them.
 */
import { CUSTOM_OBJECTS, customFields, fieldXml, objectXml, validationRuleXml } from './forceAppMetadata.js';
import { PERMISSION_SETS, permissionSetXml } from './forceAppPermissionSets.js';
import { SHARING_RULES, sharingRulesXml } from './forceAppSharingRules.js';
import { listViewXml, reportTypeName, reportTypeXml, tabXml } from './forceAppViews.js';

/** Every generated file, by path relative to the repository root. */
export function forceAppFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of CUSTOM_OBJECTS) {
    const dir = `force-app/main/default/objects/${spec.name}`;
    files.set(`${dir}/${spec.name}.object-meta.xml`, objectXml(spec));
    for (const f of customFields(spec)) {
      files.set(`${dir}/fields/${f.name}.field-meta.xml`, fieldXml(spec.name, f.name, f.description, f.sf, f.required));
    }
    files.set(`force-app/main/default/tabs/${spec.name}.tab-meta.xml`, tabXml(spec));
    files.set(`${dir}/listViews/All.listView-meta.xml`, listViewXml(spec));
    files.set(
      `force-app/main/default/reportTypes/${reportTypeName(spec.name)}.reportType-meta.xml`,
      reportTypeXml(spec),
    );
    for (const rule of spec.validationRules ?? []) {
      files.set(`${dir}/validationRules/${rule.name}.validationRule-meta.xml`, validationRuleXml(rule));
    }
  }
  for (const object of new Set(SHARING_RULES.map((r) => r.object))) {
    files.set(`force-app/main/default/sharingRules/${object}.sharingRules-meta.xml`, sharingRulesXml(object));
  }
  for (const spec of PERMISSION_SETS) {
    files.set(`force-app/main/default/permissionsets/${spec.name}.permissionset-meta.xml`, permissionSetXml(spec));
  }
  return files;
}
