/*
 * A generic linked list, as in the course's "menu" program.
 *
 * Embed a tLinkTableNode as the FIRST member of your own struct, add your
 * struct to a tLinkTable, and cast back when you get a node out:
 *
 *	typedef struct DataNode {
 *		tLinkTableNode *pNext;
 *		char *cmd;
 *	} tDataNode;
 *
 * The table only links nodes; it never looks inside them. SearchLinkTableNode
 * calls your condition function on each node to decide which one you want.
 */
#ifndef LINKTABLE_H
#define LINKTABLE_H

#define SUCCESS 0
#define FAILURE (-1)

typedef struct LinkTableNode {
	struct LinkTableNode *pNext;
} tLinkTableNode;

/* The table's fields are private to linktable.c. */
typedef struct LinkTable tLinkTable;

tLinkTable *CreateLinkTable(void);
/* Frees the table and every node still in it (nodes must come from malloc). */
int DeleteLinkTable(tLinkTable *pLinkTable);
/* Appends pNode at the tail. */
int AddLinkTableNode(tLinkTable *pLinkTable, tLinkTableNode *pNode);
/* Unlinks pNode (does not free it). */
int DelLinkTableNode(tLinkTable *pLinkTable, tLinkTableNode *pNode);
/* The first node for which Condition(node, args) == SUCCESS, or NULL. */
tLinkTableNode *SearchLinkTableNode(tLinkTable *pLinkTable,
				    int Condition(tLinkTableNode *pNode,
						  void *args),
				    void *args);
tLinkTableNode *GetLinkTableHead(tLinkTable *pLinkTable);
tLinkTableNode *GetNextLinkTableNode(tLinkTable *pLinkTable,
				     tLinkTableNode *pNode);

#endif
