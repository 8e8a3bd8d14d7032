/**
 * Every part a host can style with ::part(), e.g. reconnect-template::part(button). The picker
 * passes them through from its inner element (exportparts) and adds "picker" and "select".
 */
export const PARTS =
  "container,header,title,summary,form,field,label,hint,input,message,count,meter,actions,button,status,footer,link,error";
export const PICKER_PARTS = `${PARTS},picker,select`;
