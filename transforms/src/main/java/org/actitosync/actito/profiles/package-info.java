/** Profile lookup and create/upsert. */
package org.actitosync.actito.profiles;
