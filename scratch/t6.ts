import { parseXml } from '../electron/engine/settings-files/xml';
const t = `<?xml version="1.0" encoding="utf-8"?>\r\n<!-- head -->\r\n<Settings>\r\n  <!-- c1 -->\r\n  <Setting key="A" value="x &amp; y &#x41; &lt;"/>\r\n  <B value="[WebSiteWorkingFolder]\\z"></B>\r\n<Foo><Bar/></Foo></Settings>\r\n`;
console.log(JSON.stringify(parseXml(t, 'f'), null, 1));
console.log(JSON.stringify(parseXml('<Settings><Setting key="A" value="1"/>', 'f')));
console.log(JSON.stringify(parseXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<Settings/>', 'f')));
