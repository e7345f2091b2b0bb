/** The header the HTTP bridge passes the client's address in: set from the socket, never from the client. */
export const clientIpHeader = 'x-tradelane-client-ip';
